/**
 * The repair view's two actions on a set-aside row (setAside.ts): rebuild an
 * application as a draft the form can open, or remove a row for good. Both act
 * only while the row still fails its schema and is unchanged since it was read,
 * so a row another tab just fixed or rewrote is never overwritten.
 */
import { sealApplication } from '../crypto/sealed-fields';
import { salvageApplication, type Salvaged } from '../model/salvage';
import { recordIndex, rowStamp } from './records';
import type { MesaDb } from './schema';
import type { SetAsideTable, StoredRows } from './setAside';
import { findSetAside, keyOf, tableOf } from './setAsideRows';
import { rethrowStorageError } from './storageErrors';

/** Thrown when the row is no longer set aside, or changed while the advisor looked at it. */
export class RepairRaceError extends Error {
  constructor() {
    super('This record changed on the tablet while you looked at it. Open it again from Records.');
    this.name = 'RepairRaceError';
  }
}

/** Writes `next` in place of the row of `key` only if that row still has `stamp`; else RepairRaceError. */
async function replaceIfUnchanged(db: MesaDb, table: SetAsideTable, key: string, stamp: string | null, next: StoredRows[SetAsideTable] | null): Promise<void> {
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
  const found = await findSetAside(db, 'applications', id);
  if (!found) throw new RepairRaceError();
  const salvaged = salvageApplication(id, found.row.readable, now);
  const sealed = await sealApplication(index.key(), salvaged.record);
  await replaceIfUnchanged(db, 'applications', id, rowStamp(found.stored), sealed);
  index.remember(sealed, salvaged.record);
  return salvaged;
}

/** Removes a set-aside row from this tablet for good. */
export async function removeSetAside(db: MesaDb, table: SetAsideTable, key: string): Promise<void> {
  const found = await findSetAside(db, table, key);
  if (!found) throw new RepairRaceError();
  await replaceIfUnchanged(db, table, key, rowStamp(found.stored), null);
}
