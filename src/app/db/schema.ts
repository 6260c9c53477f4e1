/**
 * The one declared IndexedDB schema (Dexie). Every version is declared here in
 * order and an old version is never edited: add a new `db.version(n)` instead,
 * with an upgrade function and a test that upgrades real data from n-1.
 */
import Dexie, { type Table } from 'dexie';
import type { ApplicationFields } from '../../shared/application';
import type { Status } from '../../shared/lifecycle';
import type { AnyMutation, RosterEntry, School } from '../../shared/protocol';
import type { Verification, VerifiedField } from '../../shared/verification-record';
import type { StoredApplication, StoredOutboxRow } from '../crypto/sealed-fields';
import type { Sealed } from '../crypto/seal';
import type { StoredRosterEntry } from '../crypto/sealed-roster';

/** Why the server refused a version, kept on the record until the advisor fixes it. */
export interface ServerReason {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** One paper application as the tablet holds it. */
export interface LocalApplication {
  /** UUIDv7 made on this device. */
  id: string;
  /** The student it is for: a new student's id is made here, a known one comes from the roster. */
  studentId: string;
  batchId: string | null;
  status: Status;
  /** Local edit counter: every saved change of a confirmed record makes a new version. */
  version: number;
  /** The server's version of this record, once it has acknowledged one. */
  serverVersion: number | null;
  /** Copied out of `fields` because it is indexed (fields may be encrypted). */
  schoolId: string;
  createdAt: number;
  updatedAt: number;
  /** When the advisor last confirmed it against the paper (ms). */
  confirmedAt: number | null;
  fields: ApplicationFields;
  /** The blind second keying of the SSID; saved so a reload keeps it. */
  ssidRekey: string;
  /** The advisor ticked "The paper shows this number" past a warning such as "same as the School Student ID". */
  ssidChecked?: boolean;
  /** The last refusal or conflict from the server, shown until resolved. */
  serverReason: ServerReason | null;
  /** Advisor chose to send an SSID conflict to center review. */
  sendToReview: boolean;
  /** A second keyer's finished verification of these values; it goes with the next confirmed version. */
  verification?: Verification;
  /** A second keying the paper could not settle: per field, the three values sorted (never which keyer typed which). */
  secondLook?: SecondLookLine[];
}

/** One field of a sheet in "Needs a second look". */
export interface SecondLookLine {
  field: VerifiedField;
  values: readonly [string, string, string];
}

/** One stack of paper. */
export interface LocalBatch {
  id: string;
  schoolId: string;
  programYear: string;
  /** How many sheets are in the stack, so the app can say "23 of 25 entered". */
  sheetCount: number;
  /** Values that carry from form to form (grade, school, date received...). */
  defaults: Partial<ApplicationFields>;
  createdAt: number;
}

/**
 * A confirmed version waiting for the server; deleted only once acknowledged.
 * Either an application version or an SSID update (its own record, version 1).
 */
export interface OutboxRow {
  mutationId: number;
  recordId: string;
  version: number;
  mutation: AnyMutation;
  createdAt: number;
  attempts: number;
}

/**
 * A rostered student as pulled, plus what this tablet knows that the server
 * does not yet: an SSID update queued for them, or the server's refusal of one.
 * These local fields are kept when a pull rewrites the row.
 */
export interface LocalRosterEntry extends RosterEntry {
  /** Last four digits of an SSID update queued for this student and not yet answered. */
  pendingSsidLast4?: string;
  /** When that update was queued (ms). */
  pendingSince?: number;
  /** Why the server refused the last SSID update (e.g. `ssid_differs`), until another is queued. */
  ssidUpdateProblem?: ServerReason;
}

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
    // (crypto/migrate.ts), since an upgrade has no key and WebCrypto would end its
    // transaction. The version bump makes tabs still running version-1 code close
    // their connection (versionchange) instead of writing plain rows.
    this.version(2).stores({});
  }
}
