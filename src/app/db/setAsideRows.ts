/**
 * Every stored row that fails its schema, across the stores (see setAside.ts),
 * for the records screen's "This record needs fixing" list and the repair view.
 */
import { outboxContext } from '../crypto/sealed-fields';
import { readAllBatches } from './batches';
import { openOutbox } from './outbox';
import { readAllApplications, recordIndex } from './records';
import { readRosterSetAside } from './roster';
import type { MesaDb } from './schema';
import { openSettled, readableRow, type SetAsideRow, type SetAsideTable } from './setAside';

async function outboxSetAside(db: MesaDb, key: CryptoKey): Promise<SetAsideRow[]> {
  const rows = await db.outbox.toArray();
  const { aside } = await Promise.resolve(openSettled(rows, (row) => openOutbox(key, row)));
  return Promise.all(
    aside.map(async ({ row, reason }) => ({
      table: 'outbox' as const, key: String(row.mutationId), batchId: null, reason,
      readable: await readableRow(key, row, outboxContext(String(row.recordId), row.version)),
    })),
  );
}

async function batchSetAside(db: MesaDb): Promise<SetAsideRow[]> {
  const { aside } = await readAllBatches(db);
  return aside.map(({ row, reason }) => ({ table: 'batches', key: String(row.id), batchId: String(row.id), reason, readable: { ...row } }));
}

/** Every row set aside on this tablet, records first. VaultLockedError while locked. */
export async function readSetAside(db: MesaDb): Promise<SetAsideRow[]> {
  const key = recordIndex(db).key();
  const [apps, batches, outbox, roster] = await Promise.all([
    readAllApplications(db), batchSetAside(db), outboxSetAside(db, key), readRosterSetAside(db),
  ]);
  return [...apps.setAside, ...batches, ...outbox, ...roster];
}

/** One set-aside row, or undefined when it reads well now (or is gone). */
export async function readSetAsideRow(db: MesaDb, table: SetAsideTable, key: string): Promise<SetAsideRow | undefined> {
  return (await readSetAside(db)).find((row) => row.table === table && row.key === key);
}

