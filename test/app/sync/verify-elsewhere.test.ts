/**
 * Verification on another tablet, two tablets against the REAL server
 * (in-process, real HTTP, SQLite): advisor A types a verifying batch and sends
 * it for a second keyer; advisor B's tablet pulls it at its sync, sealed and
 * apart from B's own records, keys it blind with one SSID differing, settles
 * it from the paper, confirms and syncs; A's tablet takes the verified
 * versions at its next pull. Each record reaches the server once. A server
 * without the verify queue (not yet updated) does not fail B's sync.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, listBatchApplications, newDraft, saveDraft } from '../../../src/app/db/applications';
import { batchVerifiedFields, createBatch, getBatch } from '../../../src/app/db/batches';
import type { LocalBatch } from '../../../src/app/db/schema';
import { readSession } from '../../../src/app/db/meta';
import { listSheetsToVerify, takeVerifiedSheet } from '../../../src/app/db/sheetsToVerify';
import { createApiClient, type ApiClient } from '../../../src/app/sync/api';
import { SyncEngine } from '../../../src/app/sync/engine';
import { signIn } from '../../../src/app/sync/session';
import { createUser } from '../../../src/server/accounts';
import { setCenterVerifiedFields } from '../../../src/server/queries/centers';
import type { Verification } from '../../../src/shared/verification-record';
import { uuidv7 } from '../../../src/shared/ids';
import { verifiedValuesOf, verifySheet } from '../../../src/shared/verify-sheet';
import { completeFields } from './fixtures';
import { PASSWORD, startServer, type TestServer } from './server-harness';
import { openTestStore } from '../harness';

const BEA = { email: 'bea@mesa.example', name: 'Bea Second' };
const SSIDS = ['9123456780', '9234567801'];

let server: TestServer;
let a: Store;
let b: Store;
let api: ApiClient;

beforeEach(async () => {
  server = await startServer();
  const center = await server.handle.db.selectFrom('centers').select('id').executeTakeFirstOrThrow();
  await createUser(server.handle.db, { ...BEA, role: 'advisor', centerId: center.id, password: PASSWORD });
  a = await openTestStore(`xtab-a-${uuidv7()}`);
  b = await openTestStore(`xtab-b-${uuidv7()}`);
  api = createApiClient({ baseUrl: server.baseUrl });
});
afterEach(async () => {
  closeStore(a);
  closeStore(b);
  await server.close();
});

/** One sync of `store`'s tablet, as the engine runs it. */
function sync(store: Store): Promise<void> {
  return new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true }).syncNow();
}

/** A types a verifying batch of two sheets on its tablet and sends it, typed once, for a second keyer elsewhere. */
async function sendBatchForSecondKeyer(): Promise<{ batch: LocalBatch; ids: string[]; schoolId: string }> {
  await signIn(a.db, api, { email: server.email, password: server.password });
  await sync(a);
  const school = (await a.db.schools.toCollection().first())!;
  const batch = await createBatch(a.db, { schoolId: school.id, programYear: '2025-26', sheetCount: 2, defaults: {}, verify: true });
  const ids: string[] = [];
  for (const [i, ssid] of SSIDS.entries()) {
    const draft = newDraft(batch);
    await saveDraft(a.db, { ...draft, fields: completeFields(i + 1, school.id, { ssid, lastName: `Paper${i + 1}`, schoolStudentId: `LA447${i}X2` }), ssidRekey: ssid });
    ids.push(draft.id);
  }
  // The gate holds a verifying batch's sheets back; sent for a second keyer elsewhere, they go out typed once.
  expect((await confirmApplications(a, ids)).confirmed).toEqual([]);
  expect((await confirmApplications(a, ids, Date.now(), new Map(ids.map((id, i) => [id, i + 1])))).confirmed).toEqual(ids);
  await sync(a);
  expect((await server.enrollments()).map((e) => e.version)).toEqual([1, 1]);
  return { batch, ids, schoolId: school.id };
}

describe('verifying on another tablet', () => {
  it('takes A’s batch to B blind, brings B’s verification back to A, and keeps one record per sheet', async () => {
    const { batch, ids } = await sendBatchForSecondKeyer();

    await signIn(b.db, api, { email: BEA.email, password: PASSWORD });
    await sync(b);
    const pulled = await listSheetsToVerify(b.db, batch.id);
    expect(pulled.map((s) => [s.recordId, s.sheet, s.enteredBy.name])).toEqual(ids.map((id, i) => [id, i + 1, 'Demo Advisor']));
    // Blind and sealed: none of B's records, and nothing of the first entry readable at rest.
    expect(await b.db.applications.count()).toBe(0);
    const atRest = JSON.stringify(await b.db.sheetsToVerify.toArray());
    for (const value of [...SSIDS, 'Paper1', 'Paper2']) expect(atRest).not.toContain(value);
    expect(await b.db.batches.get(batch.id)).toMatchObject({ typedElsewhere: true, verify: true });

    // B keys both from the paper: the second sheet's SSID typed with two digits swapped, then settled from the paper.
    const bea = (await readSession(b.db))!.user.id;
    const keyers = (enteredBy: string) => ({ enteredBy, verifiedBy: bea, signedInAs: bea });
    const at = new Date().toISOString();
    const [one, two] = pulled as [typeof pulled[0], typeof pulled[0]];
    const agreed = verifySheet(verifiedValuesOf(one.application), verifiedValuesOf(one.application), {}, keyers(one.enteredBy.id), at);
    const slip = { ...verifiedValuesOf(two.application), ssid: '9234567810' };
    expect(verifySheet(verifiedValuesOf(two.application), slip, {}, keyers(two.enteredBy.id), at)).toMatchObject({ state: 'needs_third', fields: ['ssid'] });
    const settled = verifySheet(verifiedValuesOf(two.application), slip, { ssid: SSIDS[1] }, keyers(two.enteredBy.id), at);
    for (const [sheet, outcome] of [[one, agreed], [two, settled]] as const) {
      if (outcome.state !== 'verified') throw new Error('not verified');
      await takeVerifiedSheet(b.db, sheet, outcome.verification, outcome.values);
    }
    expect(await b.db.sheetsToVerify.count()).toBe(0);
    expect((await confirmApplications(b, ids)).confirmed).toEqual(ids);
    await sync(b);
    // Synced again, B's tablet is not handed the sheets it verified.
    await sync(b);
    expect(await b.db.sheetsToVerify.count()).toBe(0);
    const stored = await server.handle.db.selectFrom('enrollments').select(['id', 'version', 'verified_by', 'keyed_by']).orderBy('id').execute();
    expect(stored.map((e) => [e.version, e.verified_by])).toEqual([[2, bea], [2, bea]]);

    // A's next pull brings the verified versions: verification on, the settled SSID, nothing queued, still two records.
    await sync(a);
    const { records } = await listBatchApplications(a.db, batch.id);
    expect(records.map((r) => [r.status, r.serverVersion, r.verification?.verifiedBy, r.fields.ssid])).toEqual([
      ['synced', 2, bea, SSIDS[0]], ['synced', 2, bea, SSIDS[1]],
    ]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await server.enrollments()).toHaveLength(2);
  });

  it('finishes B’s sync when the server has no verify queue yet, and asks for it again at the next sync', async () => {
    const { batch } = await sendBatchForSecondKeyer();
    // A server not yet updated answers the route as Fastify answers any unknown one.
    let olderServer = true;
    const bApi = createApiClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) =>
        olderServer && new URL(String(input)).pathname === '/api/sync/verify-queue'
          ? Promise.resolve(Response.json({ message: 'Route GET:/api/sync/verify-queue not found', error: 'Not Found', statusCode: 404 }, { status: 404 }))
          : fetch(input, init),
    });
    const bEngine = new SyncEngine({ db: b.db, api: bApi, locks: null, events: null, isOnline: () => true });
    await signIn(b.db, bApi, { email: BEA.email, password: PASSWORD });
    await bEngine.syncNow();
    const school = (await b.db.schools.toCollection().first())!;
    const own = newDraft(null);
    await saveDraft(b.db, { ...own, fields: completeFields(3, school.id), ssidRekey: completeFields(3, school.id).ssid });
    expect((await confirmApplications(b, [own.id])).confirmed).toEqual([own.id]);

    await bEngine.syncNow();

    expect(bEngine.getState()).toMatchObject({ phase: 'idle', lastResult: { applied: 1, rejected: 0, conflicts: 0 } });
    expect(bEngine.getState().lastResult?.error).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);
    expect(await server.enrollments()).toHaveLength(3);
    expect(await b.db.sheetsToVerify.count()).toBe(0);

    olderServer = false;
    await bEngine.syncNow();

    expect(bEngine.getState().phase).toBe('idle');
    expect((await listSheetsToVerify(b.db, batch.id)).map((s) => s.sheet)).toEqual([1, 2]);
  });

  it('has B key the fields A’s batch added to the four, and the server take B’s verification of them', async () => {
    const center = await server.handle.db.selectFrom('centers').select('id').executeTakeFirstOrThrow();
    await setCenterVerifiedFields(server.handle.db, center.id, ['schoolStudentId']);
    const { batch, ids } = await sendBatchForSecondKeyer();
    expect(batch.addedVerifiedFields).toEqual(['schoolStudentId']);
    const waiting = await server.handle.db.selectFrom('enrollments').select('verify_fields').execute();
    expect(waiting.map((e) => e.verify_fields)).toEqual(['["schoolStudentId"]', '["schoolStudentId"]']);

    await signIn(b.db, api, { email: BEA.email, password: PASSWORD });
    await sync(b);
    const pulledBatch = (await getBatch(b.db, batch.id))!;
    const fields = batchVerifiedFields(pulledBatch);
    expect(fields).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth', 'schoolStudentId']);
    const bea = (await readSession(b.db))!.user.id;
    for (const sheet of await listSheetsToVerify(b.db, batch.id)) {
      const values = verifiedValuesOf(sheet.application, fields);
      const outcome = verifySheet(values, values, {}, { enteredBy: sheet.enteredBy.id, verifiedBy: bea, signedInAs: bea }, new Date().toISOString(), {}, fields);
      if (outcome.state !== 'verified') throw new Error('not verified');
      await takeVerifiedSheet(b.db, sheet, outcome.verification, outcome.values);
    }
    expect((await confirmApplications(b, ids)).confirmed).toEqual(ids);
    await sync(b);
    const stored = await server.handle.db.selectFrom('enrollments').select(['version', 'verification', 'verify_fields']).execute();
    expect(stored.map((e) => [e.version, e.verify_fields, (JSON.parse(e.verification!) as Verification).fields.map((f) => f.field)])).toEqual([
      [2, null, fields], [2, null, fields],
    ]);
  });
});
