/**
 * The browser's storage manager: ask once for persistent storage (so the browser
 * does not evict unsynced records under pressure) and report space used.
 */
import type { MesaDb } from './schema';

const PERSIST_ASKED = 'persistAsked';

/** Space used and available to this app, in bytes. */
export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** Asks for persistent storage the first time anything is saved; remembers that it asked. */
export async function requestPersistenceOnce(db: MesaDb, storage: StorageManager | undefined = navigator.storage): Promise<void> {
  if (!storage?.persist) return;
  const asked = await db.meta.get(PERSIST_ASKED);
  if (asked) return;
  await db.meta.put({ key: PERSIST_ASKED, value: true });
  await storage.persist();
}

/** Current usage and quota, or null where the browser cannot tell. */
export async function estimateStorage(storage: StorageManager | undefined = navigator.storage): Promise<StorageEstimate | null> {
  if (!storage?.estimate) return null;
  const { usage, quota } = await storage.estimate();
  if (usage === undefined || quota === undefined) return null;
  const persisted = storage.persisted ? await storage.persisted() : false;
  return { usage, quota, persisted };
}
