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
