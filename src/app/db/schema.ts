/**
 * The one declared IndexedDB schema (Dexie). Every version is declared here in
 * order and an old version is never edited: add a new `db.version(n)` instead,
 * with an upgrade function and a test that upgrades real data from n-1.
 */
import Dexie, { type Table } from 'dexie';
import type { School } from '../../shared/protocol';
import type { LocalApplication, LocalBatch, LocalRosterEntry, OutboxRow } from '../crypto/row-schemas';
import type { StoredSheetToVerify } from '../crypto/sealed-to-verify';
import type { StoredApplication, StoredOutboxRow } from '../crypto/sealed-fields';
import type { Sealed } from '../crypto/seal';
import type { StoredRosterEntry } from '../crypto/sealed-roster';

/** The row shapes, declared once as zod schemas in crypto/row-schemas.ts. */
export type { LocalApplication, LocalBatch, LocalRosterEntry, OutboxRow, HeldKeyings, SecondLookLine, ServerReason } from '../crypto/row-schemas';

/** Small key-value facts: deviceId, nextMutationId, pull checkpoint, ssidKey (sealed), session. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * An application row as IndexedDB holds it: sealed (pupil data encrypted, see
 * crypto/sealed-fields.ts), or still plain if written before encryption at rest
 * and not yet sealed by the first unlock. Read it through db/records.ts.
 */
export type ApplicationRow = StoredApplication | LocalApplication;

/**
 * An outbox row as IndexedDB holds it: sealed, with its base server version kept
 * plain so push can rebase later versions inside its transaction (a version
 * counter, not pupil data), or still plain from before encryption at rest.
 */
export type OutboxRecordRow = (StoredOutboxRow & { baseServerVersion?: number | null }) | OutboxRow;

/**
 * A roster row as IndexedDB holds it: sealed (see crypto/sealed-roster.ts), or
 * still plain if pulled before the roster was sealed and not yet sealed by the
 * first unlock (an SSID update may already have sealed its `local` facts onto
 * it). Read it through db/roster.ts.
 */
export type RosterRow = StoredRosterEntry | (LocalRosterEntry & { local?: Sealed });

export class MesaDb extends Dexie {
  applications!: Table<ApplicationRow, string>;
  batches!: Table<LocalBatch, string>;
  outbox!: Table<OutboxRecordRow, number>;
  schools!: Table<School, string>;
  roster!: Table<RosterRow, string>;
  meta!: Table<MetaRow, string>;
  sheetsToVerify!: Table<StoredSheetToVerify, string>;

  constructor(name = 'mesa-intake', options: { durability?: 'strict' | 'relaxed' | 'default' } = {}) {
    super(name, { chromeTransactionDurability: options.durability ?? 'default' });
    this.version(1).stores({
      // batchId: the batch view lists its stack; status: "with problems" and the
      // sync screen; updatedAt: the records list, newest first; schoolId: search by school.
      applications: 'id, batchId, status, updatedAt, schoolId, studentId',
      // createdAt: batches list, newest first.
      batches: 'id, createdAt',
      // Primary key is the device's mutation id, so the outbox reads in send order;
      // recordId: find what is queued for a record.
      outbox: 'mutationId, recordId',
      schools: 'id',
      // ssidHash: "already used by" checks; schoolId: the SSID request list per school.
      roster: 'studentId, ssidHash, schoolId',
      meta: 'key',
    });
    // Encryption at rest: same stores, rows sealed lazily on the first unlock
    // (db/sealPlainRows.ts), since an upgrade has no key and WebCrypto would end its
    // transaction. The version bump makes tabs still running version-1 code close
    // their connection (versionchange) instead of writing plain rows.
    this.version(2).stores({});
    // Sheets other tablets typed, pulled for a second keyer here (sealed from
    // the start; a new store, so nothing to upgrade). batchId: the verify screen's stack.
    this.version(3).stores({ sheetsToVerify: 'id, batchId' });
  }
}
