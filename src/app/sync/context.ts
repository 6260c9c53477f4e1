/**
 * The sync services the app creates once (in the shell) and hands down: the API
 * client and the engine. Components reach them through the hooks in this folder.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from '../db/connection';
import { createApiClient, type ApiClient } from './api';
import { SyncEngine } from './engine';
import { signIn, type Credentials } from './session';

/** What the sync hooks need. */
export interface SyncServices {
  api: ApiClient;
  engine: SyncEngine;
}

export const SyncContext = createContext<SyncServices | null>(null);

/** The browser's sync services over the app's store: same-origin API, Web Locks, window events. */
export function createSyncServices(store: Store, baseUrl = ''): SyncServices {
  const api = createApiClient({ baseUrl });
  const engine = new SyncEngine({
    db: store.db,
    api,
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null,
    events: typeof window !== 'undefined' ? window : null,
    vault: store.vault,
  });
  return { api, engine };
}

/** Signs in and starts a sync for whatever waited for a session; a failed sync shows in the status bar, not here. */
export async function signInAndSync(store: Store, services: SyncServices, credentials: Credentials): Promise<void> {
  await signIn(store.db, services.api, credentials);
  services.engine.syncNow().catch((error: unknown) => console.error('Sync after sign-in failed', error));
}

/** The sync services; throws when rendered outside <SyncContext.Provider>. */
export function useSyncServices(): SyncServices {
  const services = useContext(SyncContext);
  if (!services) throw new Error('useSyncServices: render inside <SyncContext.Provider>.');
  return services;
}
