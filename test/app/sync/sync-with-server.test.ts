/**
 * The sync client against the REAL server (in-process, real HTTP, SQLite in a
 * temporary DATA_DIR). Records are entered and confirmed through the app's own
 * repository, so the outbox rows are exactly what confirmation writes.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, newDraft, saveDraft } from '../../../src/app/db/applications';
import { ApiError, createApiClient, NetworkError, type ApiClient } from '../../../src/app/sync/api';
import { SyncEngine } from '../../../src/app/sync/engine';
import { describeSignInError, OFFLINE_SIGN_IN } from '../../../src/app/sync/messages';
import { readSession } from '../../../src/app/db/meta';
import { pushOutbox } from '../../../src/app/sync/push';
import { resendAsIs, sendToCenterReview } from '../../../src/app/db/requeue';
import { signIn } from '../../../src/app/sync/session';
import { PROBLEMS } from '../../../src/shared/problems';
import type { ApplicationFields } from '../../../src/shared/application';
import { uuidv7 } from '../../../src/shared/ids';
import { completeFields, queueVersion, sealVersion } from './fixtures';
import { sealApplication } from '../../../src/app/crypto/sealed-fields';
import { startServer, type TestServer } from './server-harness';
import { openTestStore, readRecord } from '../harness';

let server: TestServer;
let store: Store;

beforeEach(async () => {
  server = await startServer();
  store = await openTestStore(`sync-server-${uuidv7()}`);
});
afterEach(async () => {
  closeStore(store);
  await server.close();
});

/** An engine with no timers, events or locks: each test runs syncs itself. */
function engineFor(api: ApiClient): SyncEngine {
  return new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true });
}

/** Signs in and pulls once, so the center's schools are on the tablet; returns a school id. */
async function signedInWithSchools(api: ApiClient): Promise<string> {
  await signIn(store.db, api, { email: server.email, password: server.password });
  await engineFor(api).syncNow();
  const school = await store.db.schools.toCollection().first();
  if (!school) throw new Error('The pull brought no schools.');
  return school.id;
}

/** Types and confirms one application per field set, the way the entry screen does. */
/** Types and confirms sheets; `ssidChecked`: the advisor ticked that the paper shows an SSID the tablet warned about. */
async function enterAndConfirm(fieldSets: ApplicationFields[], ssidChecked = false): Promise<string[]> {
  const ids: string[] = [];
  for (const fields of fieldSets) {
    const draft = newDraft(null);
    await saveDraft(store.db, { ...draft, fields, ssidRekey: fields.ssid, ssidChecked });
    ids.push(draft.id);
  }
  const result = await confirmApplications(store, ids);
  expect(result.skipped).toEqual([]);
  return ids;
}

const statuses = async () => (await store.db.applications.toArray()).map((r) => r.status);

describe('syncing with the real server', () => {
  it('delivers five confirmed records exactly once, however often it syncs', async () => {
    const encodings: (string | null)[] = [];
    const api = createApiClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        if (String(input).endsWith('/api/sync/push')) encodings.push(new Headers(init?.headers).get('content-encoding'));
        return fetch(input, init);
      },
    });
    const schoolId = await signedInWithSchools(api);
    const ids = await enterAndConfirm([1, 2, 3, 4, 5].map((n) => completeFields(n, schoolId)));
    const engine = engineFor(api);

    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ phase: 'idle', lastResult: { applied: 5, rejected: 0, conflicts: 0 } });
    await engine.syncNow();

    expect((await server.enrollments()).map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(await store.db.outbox.count()).toBe(0);
    expect(await statuses()).toEqual(['synced', 'synced', 'synced', 'synced', 'synced']);
    expect(engine.getState()).toMatchObject({ phase: 'idle', lastResult: { applied: 0, rejected: 0, conflicts: 0 } });
    // Five applications are several KB of JSON: the body went gzip-compressed.
    expect(encodings).toEqual(['gzip']);
  });

  it('keeps rows queued when the response is lost, and the re-send comes back duplicate without doubling', async () => {
    let loseNextPush = true;
    const api = createApiClient({
      baseUrl: server.baseUrl,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (loseNextPush && String(input).endsWith('/api/sync/push')) {
          loseNextPush = false;
          await response.arrayBuffer();
          throw new TypeError('network connection lost');
        }
        return response;
      },
    });
    const schoolId = await signedInWithSchools(api);
    await enterAndConfirm([1, 2, 3, 4, 5].map((n) => completeFields(n, schoolId)));
    const session = await readSession(store.db);
    const deviceId = (await store.db.meta.get('deviceId'))?.value as string;
    const options = { token: session!.token, deviceId, send: api.push, batchSize: 2 };

    await expect(pushOutbox(store.db, options)).rejects.toBeInstanceOf(NetworkError);
    expect((await store.db.outbox.toArray()).map((row) => row.attempts)).toEqual([1, 1, 0, 0, 0]);
    expect(await statuses()).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);

    const second = await pushOutbox(store.db, options);

    // [3, 4] went out behind the lost answer and the server applied it in order: it comes back duplicate too.
    expect(second).toMatchObject({ sent: 5, duplicate: 4, applied: 1, rejected: 0, conflicts: 0 });
    expect(await server.enrollments()).toHaveLength(5);
    expect(await store.db.outbox.count()).toBe(0);
    expect(await statuses()).toEqual(['synced', 'synced', 'synced', 'synced', 'synced']);
  });

  it('asks to sign in again on a 401 and leaves every record and outbox row as it was', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const schoolId = await signedInWithSchools(api);
    await enterAndConfirm([1, 2, 3].map((n) => completeFields(n, schoolId)));
    const before = { records: await store.db.applications.toArray(), outbox: await store.db.outbox.toArray() };
    // The token is revoked on the server (signed out elsewhere, or expired), not on this tablet.
    await api.signOut((await readSession(store.db))!.token);
    const engine = engineFor(api);

    await engine.syncNow();

    expect(engine.getState().phase).toBe('signed-out');
    expect((await readSession(store.db))?.expired).toBe(true);
    expect(await store.db.applications.toArray()).toEqual(before.records);
    expect(await store.db.outbox.toArray()).toEqual(before.outbox);
    expect(await server.enrollments()).toHaveLength(0);
  });

  it('returns an SSID held by another student as a conflict, which center review then accepts', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const schoolId = await signedInWithSchools(api);
    const engine = engineFor(api);
    await enterAndConfirm([completeFields(1, schoolId, { ssid: '2047118365', ssidSource: 'student_form' })]);
    await engine.syncNow();
    // Another student: another name and birth date (the same ones would be the same student, linked).
    // The tablet knows the first record holds this SSID: the advisor ticked that the paper shows it.
    const [second] = await enterAndConfirm([completeFields(2, schoolId, { firstName: 'Jonathan', lastName: 'Reyes', dateOfBirth: '2012-08-09', ssid: '2047118365', ssidSource: 'student_form' })], true);

    await engine.syncNow();

    expect(engine.getState().lastResult).toMatchObject({ conflicts: 1 });
    expect(await readRecord(store, second!)).toMatchObject({ status: 'conflict', serverReason: { code: 'ssid_taken' } });

    await sendToCenterReview(store.strictDb, second!);
    await engine.syncNow();

    expect(await readRecord(store, second!)).toMatchObject({ status: 'synced', sendToReview: true, serverReason: null });
    expect((await server.enrollments()).find((e) => e.id === second)).toMatchObject({ status: 'needs_review' });
  });

  it('returns a record another device changed as a stale-version conflict, which "send my version again" resolves', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const schoolId = await signedInWithSchools(api);
    const engine = engineFor(api);
    const [id] = await enterAndConfirm([completeFields(1, schoolId)]);
    await engine.syncNow();
    const synced = await readRecord(store, id!);
    // Another tablet, signed in as the same advisor, sends its own edit of the record.
    const otherTablet = await openTestStore(`sync-server-other-${uuidv7()}`);
    await signIn(otherTablet.db, api, { email: server.email, password: server.password });
    const theirs = { ...synced, version: 2, status: 'queued' as const, fields: { ...synced.fields, city: 'Oakland' } };
    const sealed = await sealApplication(otherTablet.vault.key(), theirs);
    const queued = await sealVersion(otherTablet.db, theirs);
    await otherTablet.db.transaction('rw', otherTablet.db.applications, otherTablet.db.outbox, otherTablet.db.meta, async () => {
      await otherTablet.db.applications.put(sealed);
      await queueVersion(otherTablet.db, queued);
    });
    await new SyncEngine({ db: otherTablet.db, api, locks: null, events: null, isOnline: () => true }).syncNow();
    closeStore(otherTablet);
    // This tablet edits and confirms its own version, based on the server version it saw.
    await saveDraft(store.db, { ...synced, fields: { ...synced.fields, city: 'Berkeley' } });
    await confirmApplications(store, [id!]);

    await engine.syncNow();

    expect(await readRecord(store, id!)).toMatchObject({ status: 'conflict', serverVersion: 2, serverReason: { code: 'stale_version' } });

    await resendAsIs(store.strictDb, id!);
    await engine.syncNow();

    expect(await readRecord(store, id!)).toMatchObject({ status: 'synced', serverVersion: 3 });
    expect((await server.enrollments()).find((e) => e.id === id)).toMatchObject({ version: 3 });
  });

  it('says the password is wrong, or that sign-in needs a connection, in words an advisor understands', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const wrong = await signIn(store.db, api, { email: server.email, password: 'not the password' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect(describeSignInError(wrong, true)).toBe(PROBLEMS.badCredentials.message);

    const unreachable = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    const offline = await signIn(store.db, unreachable, { email: server.email, password: server.password }).catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(NetworkError);
    expect(describeSignInError(offline, false)).toBe(OFFLINE_SIGN_IN);
    expect(await readSession(store.db)).toBeNull();
  });
});
