/**
 * The sync engine's decisions: when it does not sync at all (signed out,
 * offline, locked), that an unlock sends what waited for it, and that two tabs
 * sharing one lock never push together. Against the
 * real server where a request is involved.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { createApiClient } from '../../../src/app/sync/api';
import { SyncEngine, type SyncLocks } from '../../../src/app/sync/engine';
import { readSession } from '../../../src/app/db/meta';
import { signIn } from '../../../src/app/sync/session';
import { uuidv7 } from '../../../src/shared/ids';
import { completeFields, queueRecord } from './fixtures';
import { startServer, type TestServer } from './server-harness';
import { openTestStore, TEST_PASSPHRASE } from '../harness';

/**
 * Web Locks as the browser grants them with ifAvailable: the callback gets null
 * while another holder has the name. (Node has no navigator.locks.)
 */
function sharedLocks(): SyncLocks {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        await callback({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    },
  };
}

/** An API client that counts requests per path. */
function countingApi(baseUrl: string) {
  const calls: string[] = [];
  const api = createApiClient({
    baseUrl,
    fetch: (input, init) => {
      calls.push(new URL(String(input)).pathname);
      return fetch(input, init);
    },
  });
  return { api, calls };
}

let store: Store;
beforeEach(async () => {
  store = await openTestStore(`sync-engine-${uuidv7()}`);
});
afterEach(() => closeStore(store));

describe('when the engine does not sync', () => {
  it('does not call the server before anyone has signed in', async () => {
    const { api, calls } = countingApi('http://127.0.0.1:9');
    const engine = new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true });

    await engine.syncNow();

    expect(engine.getState().phase).toBe('signed-out');
    expect(calls).toEqual([]);
  });

  it('stays quiet while the browser says it is offline, keeping the queue', async () => {
    const { api, calls } = countingApi('http://127.0.0.1:9');
    await store.db.meta.put({
      key: 'session',
      value: { token: 't', expiresAt: '2099-01-01T00:00:00Z', expired: false, user: { id: 'u', email: 'a@b.c', name: 'A', role: 'advisor', centerId: 'c' } },
    });
    await queueRecord(store.db, completeFields(1, 's1'));
    const engine = new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => false });

    await engine.syncNow();

    expect(engine.getState().phase).toBe('offline');
    expect(calls).toEqual([]);
    expect(await store.db.outbox.count()).toBe(1);
  });
});

describe('against the server', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  /** This tablet signed in, with `count` complete records queued; requests counted from here on. */
  async function signedInWithQueue(count: number) {
    const counting = countingApi(server.baseUrl);
    await signIn(store.db, counting.api, { email: server.email, password: server.password });
    const session = await readSession(store.db);
    const school = (await counting.api.pull(session!.token, null)).schools[0]!;
    for (let n = 1; n <= count; n++) await queueRecord(store.db, completeFields(n, school.id));
    counting.calls.length = 0;
    return counting;
  }

  it('holds a locked tablet\'s queue, sending nothing, and sends it once the advisor unlocks', async () => {
    const { api, calls } = await signedInWithQueue(2);
    store.vault.lock();
    const engine = new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true, vault: store.vault });
    const synced = new Promise<void>((resolve) => {
      engine.subscribe((state) => {
        if (state.phase === 'idle' && state.lastResult !== null) resolve();
      });
    });
    engine.start();
    try {
      await expect.poll(() => engine.getState().phase).toBe('locked');
      expect(calls).toEqual([]);
      expect(await store.db.outbox.count()).toBe(2);

      await store.vault.unlock(TEST_PASSPHRASE);
      await synced;
      expect(engine.getState().lastResult).toMatchObject({ applied: 2, rejected: 0, conflicts: 0 });
      expect(calls.filter((path) => path === '/api/sync/push')).toHaveLength(1);
      expect(await store.db.outbox.count()).toBe(0);
      expect(await server.enrollments()).toHaveLength(2);
    } finally {
      engine.stop();
    }
  });

  it('two tabs push once between them: the tab that finds the lock taken leaves the sync to the other', async () => {
    const { api, calls } = await signedInWithQueue(3);
    const secondTab = await openTestStore(store.db.name);
    const locks = sharedLocks();
    const tabA = new SyncEngine({ db: store.db, api, locks, events: null, isOnline: () => true });
    const tabB = new SyncEngine({ db: secondTab.db, api, locks, events: null, isOnline: () => true });

    await Promise.all([tabA.syncNow(), tabB.syncNow()]);
    closeStore(secondTab);

    expect(calls.filter((path) => path === '/api/sync/push')).toHaveLength(1);
    expect(tabA.getState().lastResult).toMatchObject({ applied: 3 });
    expect(tabB.getState().lastResult).toBeNull();
    expect(await server.enrollments()).toHaveLength(3);
  });
});
