/**
 * Sync with a row that fails its schema in the outbox (design section 14),
 * against the REAL server: the bad row is set aside and never sent, and every
 * other confirmed record is delivered exactly once.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, newDraft, saveDraft } from '../../../src/app/db/applications';
import { readSetAside } from '../../../src/app/db/setAsideRows';
import { createApiClient } from '../../../src/app/sync/api';
import { SyncEngine } from '../../../src/app/sync/engine';
import { signIn } from '../../../src/app/sync/session';
import { uuidv7 } from '../../../src/shared/ids';
import { completeFields } from './fixtures';
import { startServer, type TestServer } from './server-harness';
import { openTestStore } from '../harness';

let server: TestServer;
let store: Store;

beforeEach(async () => {
  server = await startServer();
  store = await openTestStore(`set-aside-sync-${uuidv7()}`);
});
afterEach(async () => {
  closeStore(store);
  await server.close();
});

describe('syncing past a row that fails its schema', () => {
  it('sets the bad outbox row aside and delivers every other record once', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const engine = new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true });
    await signIn(store.db, api, { email: server.email, password: server.password });
    await engine.syncNow();
    const schoolId = (await store.db.schools.toCollection().first())!.id;

    // The bad row comes first in send order, where it would have stopped the whole push.
    await store.db.outbox.put({ mutationId: 1, recordId: 'lost-record', version: 1, createdAt: 1, attempts: 0, mutation: { nonsense: true } } as never);
    await store.db.meta.put({ key: 'nextMutationId', value: 2 });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const draft = newDraft(null);
      const fields = completeFields(n, schoolId);
      await saveDraft(store.db, { ...draft, fields, ssidRekey: fields.ssid });
      ids.push(draft.id);
    }
    expect((await confirmApplications(store, ids)).skipped).toEqual([]);

    await engine.syncNow();
    await engine.syncNow();

    expect((await server.enrollments()).map((e) => e.id).sort()).toEqual([...ids].sort());
    expect((await store.db.outbox.toArray()).map((row) => row.mutationId)).toEqual([1]);
    expect((await readSetAside(store.db)).map((row) => `${row.table}/${row.key}`)).toEqual(['outbox/1']);
  });
});
