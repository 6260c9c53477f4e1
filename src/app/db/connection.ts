/**
 * The two connections the app holds to its database: the everyday one (relaxed
 * durability, fast for autosave) and one with strict durability for confirmations,
 * which must be on disk before the screen says "confirmed" (Chrome 121+ defaults
 * to relaxed).
 */
import { MesaDb } from './schema';

/** Everything the app's storage code needs. */
export interface Store {
  db: MesaDb;
  strictDb: MesaDb;
}

/** Opens both connections; rejects when IndexedDB cannot be used (e.g. private mode). */
export async function openStore(name = 'mesa-intake'): Promise<Store> {
  const db = new MesaDb(name);
  const strictDb = new MesaDb(name, { durability: 'strict' });
  await db.open();
  await strictDb.open();
  return { db, strictDb };
}

/** Closes both connections (tests, and before deleting a database). */
export function closeStore(store: Store): void {
  store.db.close();
  store.strictDb.close();
}
