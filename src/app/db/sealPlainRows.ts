/**
 * The one-time move from plain rows to sealed rows, run right after unlock
 * (a Dexie upgrade cannot do it: it has no key, and WebCrypto calls would end
 * its transaction). Safe to run on every unlock: it seals only rows that are
 * still plain, and writes a sealed row only if the plain one is unchanged since
 * it was read, so an edit made meanwhile is never overwritten.
 *
 * Every write of this version of the app seals (and the schema version bump
 * that came with sealing closes tabs still running plain code), so once a pass
 * finds nothing plain, the next unlocks skip reading every row of three stores:
 * `sealPlainRowsOnce` notes the schema version it found all sealed under, and
 * a later schema version scans once again.
 */
import type { LocalApplication, MesaDb, OutboxRow, RosterRow } from './schema';
import { sealOutbox } from './outbox';
import { rowStamp } from './records';
import { readAllSealedAt, readPlainSsidKey, replacePlainSsidKey, sealSsidKey, writeAllSealedAt } from './meta';
import { isSealedRow, sealApplication } from '../crypto/sealed-fields';
import {
  isSealedRosterRow,
  openAnyRosterRow,
  plainLocalFacts,
  rosterLocalBlob,
  sealRosterEntry,
  sealRosterLocalFacts,
  type StoredRosterEntry,
} from '../crypto/sealed-roster';

/** How many rows one pass sealed, and how many plain rows it left (changed while it ran: the next pass seals them). */
export interface SealReport {
  applications: number;
  outbox: number;
  roster: number;
  left: number;
}

/** Seals every roster row still plain and the SSID hash key if still plain; how many roster rows it sealed and left plain. */
export async function sealPlainRoster(db: MesaDb, key: CryptoKey): Promise<{ sealed: number; left: number }> {
  const plainRows = (await db.roster.toArray()).filter((row) => !isSealedRosterRow(row));
  const sealed = await Promise.all(plainRows.map((row) => sealPlainRosterRow(key, row)));
  const plainSsidKey = await readPlainSsidKey(db);
  const sealedSsidKey = plainSsidKey === null ? null : await sealSsidKey(key, plainSsidKey);

  return db.transaction('rw', db.roster, db.meta, async () => {
    const current = await db.roster.bulkGet(plainRows.map((row) => row.studentId));
    const writes = sealed.filter((_, i) => rowStamp(current[i]) === rowStamp(plainRows[i]));
    await db.roster.bulkPut(writes);
    if (plainSsidKey !== null && sealedSsidKey) await replacePlainSsidKey(db, plainSsidKey, sealedSsidKey);
    return { sealed: writes.length, left: plainRows.length - writes.length };
  });
}

async function sealPlainRosterRow(key: CryptoKey, row: RosterRow): Promise<StoredRosterEntry> {
  const entry = await openAnyRosterRow(key, row);
  const facts = plainLocalFacts(entry);
  const local = rosterLocalBlob(row) ?? (Object.keys(facts).length > 0 ? await sealRosterLocalFacts(key, entry.studentId, facts) : undefined);
  return sealRosterEntry(key, entry, local);
}

/** Seals every application, outbox and roster row (and the SSID hash key) still stored in plain text. */
export async function sealPlainRows(db: MesaDb, key: CryptoKey): Promise<SealReport> {
  const { applications, outbox } = db;

  const plainApps = (await applications.toArray()).filter((row): row is LocalApplication => !isSealedRow(row));
  const plainOutbox = (await outbox.toArray()).filter((row): row is OutboxRow => !isSealedRow(row));
  const sealedApps = await Promise.all(plainApps.map((app) => sealApplication(key, app)));
  const sealedOutbox = await Promise.all(plainOutbox.map((row) => sealOutbox(key, row)));

  const roster = await sealPlainRoster(db, key);
  const counts = await db.transaction('rw', applications, outbox, async () => {
    const currentApps = await applications.bulkGet(plainApps.map((app) => app.id));
    // Unchanged means the whole row, as for the roster: a push answer changes only a record's
    // status and server version, and sealing the row read before it would undo it.
    const appWrites = sealedApps.filter((_, i) => rowStamp(currentApps[i]) === rowStamp(plainApps[i]));
    await applications.bulkPut(appWrites);

    // An outbox row is deleted when answered and rewritten when a push answer rebases it: the whole row again.
    const currentOutbox = await outbox.bulkGet(plainOutbox.map((row) => row.mutationId));
    const outboxWrites = sealedOutbox.filter((_, i) => rowStamp(currentOutbox[i]) === rowStamp(plainOutbox[i]));
    await outbox.bulkPut(outboxWrites);
    return { applications: appWrites.length, outbox: outboxWrites.length };
  });
  const left = plainApps.length - counts.applications + plainOutbox.length - counts.outbox + roster.left;
  return { ...counts, roster: roster.sealed, left };
}

/** Seals what is still plain, unless a pass under this schema version found nothing plain (see the module comment); null when skipped. */
export async function sealPlainRowsOnce(db: MesaDb, key: CryptoKey): Promise<SealReport | null> {
  if ((await readAllSealedAt(db)) === db.verno) return null;
  const report = await sealPlainRows(db, key);
  if (report.left === 0) await writeAllSealedAt(db, db.verno);
  return report;
}
