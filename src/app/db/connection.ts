/**
 * The two connections the app holds to its database: the everyday one (relaxed
 * durability, fast for autosave) and one with strict durability for confirmations,
 * which must be on disk before the screen says "confirmed" (Chrome 121+ defaults
 * to relaxed). Both are bound to the one Vault whose key seals pupil data.
 */
import { JournalSealer } from '../crypto/journal-seal';
import type { Vault, VaultOptions } from '../crypto/vault';
import { openVault } from './vaultKeys';
import { bindVault, type RecordIndex } from './records';
import { MesaDb } from './schema';
import { APP_DB_NAME } from './startPeek';

/** Everything the app's storage code needs. */
export interface Store {
  db: MesaDb;
  strictDb: MesaDb;
  /** The app lock: holds the data key while unlocked. */
  vault: Vault;
  /** The decrypted applications while unlocked. */
  records: RecordIndex;
  /** Keystream for sealing the unload journal synchronously at pagehide. */
  journal: JournalSealer;
}

/** Opens both connections and the vault; rejects when IndexedDB cannot be used (e.g. private mode). */
export async function openStore(name = APP_DB_NAME, vaultOptions: VaultOptions = {}): Promise<Store> {
  const db = new MesaDb(name);
  const strictDb = new MesaDb(name, { durability: 'strict' });
  await db.open();
  await strictDb.open();
  const vault = await openVault(db, vaultOptions);
  return { db, strictDb, vault, records: bindVault([db, strictDb], vault), journal: new JournalSealer(vault) };
}

/** Closes both connections (tests, and before deleting a database). */
export function closeStore(store: Store): void {
  store.vault.lock();
  store.db.close();
  store.strictDb.close();
}
