/**
 * Every stored row that fails its schema, across the stores (see setAside.ts),
 * for the records screen's "This record needs fixing" list and the repair view.
 */
import type { Table } from 'dexie';
import { localBatchSchema } from '../crypto/row-schemas';
import { readAllBatches } from './batches';
import { openOutbox } from './outbox';
import { readAllApplications, recordIndex } from './records';
import { openRosterRow, readRosterAside } from './roster';
import type { MesaDb } from './schema';
import { openSettled, toSetAsideRows, type SetAsideRow, type SetAsideTable, type StoredRows } from './setAside';

/** How a row of each table opens: the same opener its lists use, so a row is set aside here exactly when it is there. */
const OPENERS: { [T in SetAsideTable]: (db: MesaDb, row: StoredRows[T]) => Promise<unknown> } = {
  applications: (db, row) => recordIndex(db).open(row),
  batches: async (_db, row) => localBatchSchema.parse(row),
  outbox: (db, row) => openOutbox(recordIndex(db).key(), row),
  roster: (db, row) => openRosterRow(db, row),
};

/** The Dexie table of a set-aside table. */
export function tableOf<T extends SetAsideTable>(db: MesaDb, table: T): Table<StoredRows[T], string | number> {
  return db.table(table);
}

/** A row's key as its table holds it (the outbox's are numbers). */
export const keyOf = (table: SetAsideTable, key: string): string | number => (table === 'outbox' ? Number(key) : key);

/** Every row set aside on this tablet, records first. VaultLockedError while locked. */
export async function readSetAside(db: MesaDb): Promise<SetAsideRow[]> {
  const key = recordIndex(db).key();
  const [apps, batches, outbox, roster] = await Promise.all([
    readAllApplications(db),
    readAllBatches(db),
    db.outbox.toArray().then((rows) => Promise.resolve(openSettled(rows, (row) => openOutbox(key, row)))),
    readRosterAside(db),
  ]);
  const rows = await Promise.resolve(
    Promise.all([
      toSetAsideRows(key, 'applications', apps.aside),
      toSetAsideRows(key, 'batches', batches.aside),
      toSetAsideRows(key, 'outbox', outbox.aside),
      toSetAsideRows(key, 'roster', roster),
    ]),
  );
  return rows.flat();
}

/**
 * One row, checked alone with its table's opener: the row as stored and as the
 * screens list it while it still fails its schema, or undefined when it reads
 * well now (or is gone). VaultLockedError while locked.
 */
export async function findSetAside<T extends SetAsideTable>(db: MesaDb, table: T, key: string): Promise<{ stored: StoredRows[T]; row: SetAsideRow } | undefined> {
  const dataKey = recordIndex(db).key();
  const id = keyOf(table, key);
  const stored = Number.isNaN(id) ? undefined : await tableOf(db, table).get(id);
  if (stored === undefined) return undefined;
  const { aside } = await Promise.resolve(openSettled([stored], (row) => OPENERS[table](db, row)));
  const [row] = await Promise.resolve(toSetAsideRows(dataKey, table, aside));
  return row && { stored, row };
}
