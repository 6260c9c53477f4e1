/**
 * Signing out with no connection, against the REAL server (in-process, real
 * HTTP, SQLite): the token is forgotten on the tablet at once and revoked on
 * the server at the next connection.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { ApiError, createApiClient, type ApiClient } from '../../../src/app/sync/api';
import { SyncEngine } from '../../../src/app/sync/engine';
import { META, readSession } from '../../../src/app/db/meta';
import { sendRevocations } from '../../../src/app/sync/revocations';
import { signIn, signOut } from '../../../src/app/sync/session';
import { uuidv7 } from '../../../src/shared/ids';
import { startServer, type TestServer } from './server-harness';
import { openTestStore } from '../harness';

let server: TestServer;
let store: Store;
let online: ApiClient;
/** The same client with the network cut: every request fails as a dropped connection does. */
let offline: ApiClient;

beforeEach(async () => {
  server = await startServer();
  store = await openTestStore(`sign-out-${uuidv7()}`);
  online = createApiClient({ baseUrl: server.baseUrl });
  offline = createApiClient({ baseUrl: server.baseUrl, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
});
afterEach(async () => {
  closeStore(store);
  await server.close();
});

async function signedInToken(): Promise<string> {
  return (await signIn(store.db, online, { email: server.email, password: server.password })).token;
}

/** Whether the server still accepts `token`: true, or false once it answers 401. */
async function serverAccepts(token: string): Promise<boolean> {
  try {
    await online.checkSession(token);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
}

const remembered = async () => (await store.db.meta.get(META.revocations))?.value ?? null;

describe('signing out offline', () => {
  it('forgets the token on the tablet at once and revokes it on the server at the next connection', async () => {
    const token = await signedInToken();

    expect(await signOut(store.db, offline)).toEqual({ revoked: false });
    expect(await readSession(store.db)).toBeNull();
    expect(await serverAccepts(token)).toBe(true);

    // Back online: the engine runs (on the `online` event, or at start) with nobody signed in.
    const engine = new SyncEngine({ db: store.db, api: online, locks: null, events: null, isOnline: () => true });
    await engine.syncNow();

    expect(await serverAccepts(token)).toBe(false);
    expect(await remembered()).toBeNull();
    expect(engine.getState().phase).toBe('signed-out');
  });

  it('keeps the token while the server cannot be reached, and revokes it once it can', async () => {
    const token = await signedInToken();
    await signOut(store.db, offline);

    // The browser says online, but the server does not answer.
    expect(await sendRevocations(store.db, offline)).toBe(1);
    expect(await remembered()).toEqual([token]);
    expect(await serverAccepts(token)).toBe(true);

    expect(await sendRevocations(store.db, online)).toBe(0);
    expect(await serverAccepts(token)).toBe(false);
  });

  it('revokes every offline sign-out, also the ones before the advisor who is signed in now', async () => {
    const first = await signedInToken();
    await signOut(store.db, offline);
    const second = await signedInToken();
    await signOut(store.db, offline);
    const current = await signedInToken();

    await new SyncEngine({ db: store.db, api: online, locks: null, events: null, isOnline: () => true }).syncNow();

    expect([await serverAccepts(first), await serverAccepts(second), await serverAccepts(current)]).toEqual([false, false, true]);
    expect(await remembered()).toBeNull();
  });

  it('forgets a token the server already refuses, and sends nothing while the tablet is offline', async () => {
    const token = await signedInToken();
    await signOut(store.db, offline);
    await online.signOut(token);
    const engine = new SyncEngine({ db: store.db, api: offline, locks: null, events: null, isOnline: () => false });
    await engine.syncNow();
    expect(await remembered()).toEqual([token]);

    expect(await sendRevocations(store.db, online)).toBe(0);
    expect(await remembered()).toBeNull();
  });

  it('a sign-out the server heard leaves nothing to send later', async () => {
    const token = await signedInToken();
    expect(await signOut(store.db, online)).toEqual({ revoked: true });
    expect(await serverAccepts(token)).toBe(false);
    expect(await remembered()).toBeNull();
  });
});
