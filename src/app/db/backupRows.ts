/**
 * The rows a backup file or a sealed copy carries, read and written for
 * backup/. Crypto never runs inside a Dexie transaction (a WebCrypto await
 * would end it), so an import reads a snapshot, plans and encrypts outside,
 * then writes only if the snapshot still holds.
 */
import type { Status } from '../../shared/lifecycle';
import type { ApplicationRow, MesaDb, OutboxRecordRow } from './schema';
import { readDeviceId, readNextMutationId, writeNextMutationId } from './meta';
import { readKeyRecord } from './vaultKeys';

/** Every unsynced application row and every outbox row as stored, and this tablet's id (null before it has one). */
export function readUnsyncedRows(db: MesaDb): Promise<{ apps: ApplicationRow[]; rows: OutboxRecordRow[]; deviceId: string | null }> {
  return db.transaction('r', db.applications, db.outbox, db.meta, async () => ({
    // Only plain columns (id, status) are read here; the caller opens the rest.
    apps: await db.applications.where('status').notEqual('synced').toArray(),
    // Every queued row is unsynced: the application versions and the SSID updates alike.
    rows: await db.outbox.toArray(),
    deviceId: await readDeviceId(db),
  }));
}

/** What the tablet holds that the server has not got, counted from plain columns (works while locked). */
export interface UnsyncedCount {
  /** Records not yet acknowledged by the server: drafts, confirmed, queued, refused, in conflict. */
  unsynced: number;
  /** Records the server holds. */
  synced: number;
}

/** Counts records by whether the server has them; reads no sealed field. */
export function countUnsynced(db: MesaDb): Promise<UnsyncedCount> {
  return db.transaction('r', db.applications, async () => {
    const synced = await db.applications.where('status').equals('synced').count();
    return { synced, unsynced: (await db.applications.count()) - synced };
  });
}

/** The sealed copy's contents as stored: the key record and the unsynced rows, read in one transaction. */
export function readSealedRows(db: MesaDb): Promise<{ keyRecord: unknown; applications: ApplicationRow[]; outbox: OutboxRecordRow[] }> {
  return db.transaction('r', db.applications, db.outbox, db.meta, async () => ({
    keyRecord: await readKeyRecord(db),
    applications: await db.applications.where('status').notEqual('synced').toArray(),
    outbox: await db.outbox.toArray(),
  }));
}

/** A local record's state as an import compares it. */
export interface StoredRecordState {
  version: number;
  status: Status;
}

/** What an import planned against. */
export interface ImportSnapshot {
  local: Map<string, StoredRecordState>;
  /** Record ids this tablet's outbox already queues. */
  queued: Set<string>;
  nextMutationId: number;
}

/** Call inside a transaction over applications, outbox and meta. */
async function snapshot(db: MesaDb, ids: string[]): Promise<ImportSnapshot> {
  const found = await db.applications.bulkGet(ids);
  const local = new Map<string, StoredRecordState>();
  for (const row of found) if (row) local.set(row.id, { version: row.version, status: row.status });
  // The counter should always be ahead of the outbox; never reuse an id if it is not.
  const lastQueued = (await db.outbox.orderBy('mutationId').lastKey()) ?? 0;
  const queued = new Set((await db.outbox.orderBy('recordId').uniqueKeys()).map(String));
  return { local, queued, nextMutationId: Math.max(await readNextMutationId(db), Number(lastQueued) + 1) };
}

function sameSnapshot(a: ImportSnapshot, b: ImportSnapshot): boolean {
  if (a.nextMutationId !== b.nextMutationId || a.local.size !== b.local.size || a.queued.size !== b.queued.size) return false;
  for (const [id, state] of a.local) {
    const other = b.local.get(id);
    if (!other || other.version !== state.version || other.status !== state.status) return false;
  }
  return true;
}

/** The state of the records `ids` and of the outbox, for an import to plan against. */
export function readImportSnapshot(db: MesaDb, ids: string[]): Promise<ImportSnapshot> {
  return db.transaction('r', db.applications, db.outbox, db.meta, () => snapshot(db, ids));
}

/**
 * Writes an import's encoded rows and the next mutation id in one transaction,
 * only if nothing changed since `before` was read; false (nothing written) when it did.
 */
export function writeImportIfUnchanged(
  db: MesaDb,
  ids: string[],
  before: ImportSnapshot,
  write: { apps: object[]; outbox: object[]; nextMutationId: number },
): Promise<boolean> {
  return db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
    if (!sameSnapshot(before, await snapshot(db, ids))) return false;
    // Rows are encoded by the codec; the tables' declared types follow the schema once it changes.
    await db.table('applications').bulkPut(write.apps);
    await db.table('outbox').bulkAdd(write.outbox);
    await writeNextMutationId(db, write.nextMutationId);
    return true;
  });
}
