/**
 * The repair view's two actions on a set-aside row (setAside.ts): rebuild an
 * application as a draft the form can open, or remove a row for good. Both act
 * only while the row still fails its schema and is unchanged since it was read,
 * so a row another tab just fixed or rewrote is never overwritten.
 */
import type { Table } from 'dexie';
import { applicationContext, sealApplication } from '../crypto/sealed-fields';
import { salvageApplication, type Salvaged } from '../model/salvage';
import { recordIndex, rowStamp } from './records';
import type { MesaDb } from './schema';
import { readableRow, type SetAsideTable } from './setAside';
import { readSetAsideRow } from './setAsideRows';
import { rethrowStorageError } from './storageErrors';

/** Thrown when the row is no longer set aside, or changed while the advisor looked at it. */
export class RepairRaceError extends Error {
  constructor() {
    super('This record changed on the tablet while you looked at it. Open it again from Records.');
    this.name = 'RepairRaceError';
  }
}

function tableOf(db: MesaDb, table: SetAsideTable): Table<object, string | number> {
  return db.table(table);
}

const keyOf = (table: SetAsideTable, key: string): string | number => (table === 'outbox' ? Number(key) : key);

/** Writes `next` in place of the row of `key` only if that row still has `stamp`; else RepairRaceError. */
async function replaceIfUnchanged(db: MesaDb, table: SetAsideTable, key: string, stamp: string | null, next: object | null): Promise<void> {
  const store = tableOf(db, table);
  try {
    const written = await db.transaction('rw', store, async () => {
      if (rowStamp(await store.get(keyOf(table, key))) !== stamp) return false;
      if (next === null) await store.delete(keyOf(table, key));
      else await store.put(next);
      return true;
    });
    if (!written) throw new RepairRaceError();
  } catch (error) {
    if (error instanceof RepairRaceError) throw error;
    rethrowStorageError(error);
  }
}

/** Rebuilds a set-aside application as a draft (values that do not fit left blank) and stores it sealed. */
export async function repairApplication(db: MesaDb, id: string, now: number = Date.now()): Promise<Salvaged> {
  const index = recordIndex(db);
  const key = index.key();
  const row = await db.applications.get(id);
  if (!row || !(await readSetAsideRow(db, 'applications', id))) throw new RepairRaceError();
  const salvaged = salvageApplication(id, await readableRow(key, row, applicationContext(id)), now);
  const sealed = await sealApplication(key, salvaged.record);
  await replaceIfUnchanged(db, 'applications', id, rowStamp(row), sealed);
  index.remember(sealed, salvaged.record);
  return salvaged;
}

/** Removes a set-aside row from this tablet for good. */
export async function removeSetAside(db: MesaDb, table: SetAsideTable, key: string): Promise<void> {
  const row = await tableOf(db, table).get(keyOf(table, key));
  if (!row || !(await readSetAsideRow(db, table, key))) throw new RepairRaceError();
  await replaceIfUnchanged(db, table, key, rowStamp(row), null);
}
