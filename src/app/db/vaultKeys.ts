/**
 * The vault's storage: its key record in the meta table, and the reset that
 * deletes every row sealed under its key. crypto/vault.ts holds the key and the
 * lock; it reaches storage only through the KeyRecordStore made here.
 */
import Dexie from 'dexie';
import type { MesaDb } from './schema';
import { META, readIdleMinutes, ROSTER_ORDER_KEYS } from './meta';
import { Vault, type KeyRecordStore, type VaultOptions } from '../crypto/vault';

/** The key record store of the database `db`. */
export function keyRecordStore(db: MesaDb): KeyRecordStore {
  return {
    read: async () => (await db.meta.get(META.vault))?.value,
    add: async (record) => {
      try {
        await db.meta.add({ key: META.vault, value: record });
        return true;
      } catch (error) {
        if (error instanceof Dexie.ConstraintError) return false;
        throw error;
      }
    },
    replaceIf: (stillCurrent, next) =>
      db.transaction('rw', db.meta, async () => {
        if (!stillCurrent((await db.meta.get(META.vault))?.value)) return false;
        await db.meta.put({ key: META.vault, value: next });
        return true;
      }),
    deleteAll: () =>
      db.transaction('rw', [db.applications, db.outbox, db.roster, db.meta, db.sheetsToVerify], async () => {
        await db.applications.clear();
        await db.outbox.clear();
        // Sealed with the old key; the server still holds them and the next sync brings them again.
        await db.sheetsToVerify.clear();
        // The roster and its hash key are sealed too: without the checkpoint the next pull brings them back whole.
        await db.roster.clear();
        await db.meta.bulkDelete([META.vault, META.ssidKey, META.pullCheckpoint, ...ROSTER_ORDER_KEYS]);
      }),
    idleMinutes: () => readIdleMinutes(db),
  };
}

/** The vault of the database `db`: locked if this tablet has a passphrase, otherwise awaiting setup. */
export function openVault(db: MesaDb, options: VaultOptions = {}): Promise<Vault> {
  return Vault.open(keyRecordStore(db), options);
}

/** The stored key record as written (a sealed copy carries it), or undefined before setup. */
export async function readKeyRecord(db: MesaDb): Promise<unknown> {
  return (await db.meta.get(META.vault))?.value;
}
