/**
 * Reads of the applications' plain columns (ids, batch, status, versions,
 * timestamps): no key needed, so the lists and warnings they feed work while
 * the vault is locked, and no sealed field is opened for them.
 */
import type { Status } from '../../shared/lifecycle';
import type { ApplicationRow, MesaDb } from './schema';

/** The ids of a batch's records in the order their sheets were entered. */
export async function batchSheetOrder(db: MesaDb, batchId: string): Promise<string[]> {
  const rows = await db.applications.where('batchId').equals(batchId).toArray();
  rows.sort((a, b) => a.createdAt - b.createdAt);
  return rows.map((row) => row.id);
}

/** Every record's status, grouped by batch (records outside a batch are left out). */
export async function statusesByBatch(db: MesaDb): Promise<Map<string, { status: Status }[]>> {
  const byBatch = new Map<string, { status: Status }[]>();
  await db.applications.each((app) => {
    if (app.batchId === null) return;
    const list = byBatch.get(app.batchId) ?? [];
    list.push({ status: app.status });
    byBatch.set(app.batchId, list);
  });
  return byBatch;
}

/** The records not yet synced as stored, and when each outbox row was queued. */
export async function unsyncedSince(db: MesaDb): Promise<{ records: ApplicationRow[]; queuedAt: number[] }> {
  const [records, queued] = await Promise.all([db.applications.where('status').notEqual('synced').toArray(), db.outbox.toArray()]);
  return { records, queuedAt: queued.map((row) => row.createdAt) };
}

/** The stored rows of records the server refused or found in conflict. */
export function refusedRows(db: MesaDb): Promise<ApplicationRow[]> {
  return db.applications.where('status').anyOf('rejected', 'conflict').toArray();
}

/**
 * How many records this tablet holds that the server does not have: every
 * application not synced (drafts, confirmed, queued, refused) and every queued
 * change of no application of its own (an SSID update). Plain columns only.
 */
export function countUnsent(db: MesaDb): Promise<number> {
  return db.transaction('r', db.applications, db.outbox, async () => {
    const unsynced = new Set(await db.applications.where('status').notEqual('synced').primaryKeys());
    const queued = await db.outbox.orderBy('recordId').uniqueKeys();
    return unsynced.size + queued.filter((id) => !unsynced.has(String(id))).length;
  });
}

/** Whether the tablet holds nothing of its own: no record, no batch, no queued change (a cleared or new store). */
export function isStoreEmpty(db: MesaDb): Promise<boolean> {
  return db.transaction('r', db.applications, db.outbox, db.batches, async () =>
    (await db.applications.count()) === 0 && (await db.outbox.count()) === 0 && (await db.batches.count()) === 0);
}
