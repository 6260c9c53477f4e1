/**
 * SSID updates and the online student calls against the REAL server
 * (in-process, real HTTP, SQLite): queued on the tablet, pushed by the sync
 * engine, answered on the roster, and seen on the record information page; PAF
 * approval with the SSID policy.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, newDraft, saveDraft } from '../../../src/app/db/applications';
import { queueSsidUpdates } from '../../../src/app/db/ssidUpdates';
import { createApiClient, type ApiClient } from '../../../src/app/sync/api';
import { SyncEngine } from '../../../src/app/sync/engine';
import { readSession } from '../../../src/app/db/meta';
import { signIn } from '../../../src/app/sync/session';
import { createStudentCalls } from '../../../src/app/sync/students';
import type { ApplicationFields } from '../../../src/shared/application';
import { PROBLEMS } from '../../../src/shared/problems';
import { completeFields } from './fixtures';
import { startServer, type TestServer } from './server-harness';
import { openTestStore } from '../harness';
import { readRosterEntry } from '../../../src/app/db/roster';

let server: TestServer;
let store: Store;
let api: ApiClient;
let engine: SyncEngine;

beforeEach(async () => {
  server = await startServer();
  store = await openTestStore();
  api = createApiClient({ baseUrl: server.baseUrl });
  engine = new SyncEngine({ db: store.db, api, locks: null, events: null, isOnline: () => true });
  await signIn(store.db, api, { email: server.email, password: server.password });
  await engine.syncNow();
});
afterEach(async () => {
  closeStore(store);
  await server.close();
});

/** Confirms one application per field set and syncs, so the students are on the server and the roster. */
async function enrollAndSync(fieldSets: ApplicationFields[]): Promise<{ studentId: string; recordId: string }[]> {
  const drafts = [];
  for (const fields of fieldSets) {
    const draft = newDraft(null);
    await saveDraft(store.db, { ...draft, fields, ssidRekey: fields.ssid });
    drafts.push(draft);
  }
  expect((await confirmApplications(store, drafts.map((d) => d.id))).skipped).toEqual([]);
  await engine.syncNow();
  return drafts.map((d) => ({ studentId: d.studentId, recordId: d.id }));
}

async function schoolId(): Promise<string> {
  const school = await store.db.schools.toCollection().first();
  if (!school) throw new Error('The pull brought no schools.');
  return school.id;
}

describe('SSID updates through sync', () => {
  it('sets a school’s SSID on the server, clears the pending mark, and the pull brings it to the roster', async () => {
    const [ann] = await enrollAndSync([completeFields(1, await schoolId())]);
    await queueSsidUpdates(store, [{ studentId: ann!.studentId, ssid: '9876501234', source: 'school_records' }]);
    expect(await readRosterEntry(store.db, ann!.studentId)).toMatchObject({ pendingSsidLast4: '1234' });

    await engine.syncNow();

    expect(await store.db.outbox.count()).toBe(0);
    const entry = await readRosterEntry(store.db, ann!.studentId);
    expect(entry).toMatchObject({ ssidLast4: '1234', ssidSource: 'school_records', ssidHash: expect.any(String) });
    expect(entry?.pendingSsidLast4).toBeUndefined();
    const record = await createStudentCalls(store.db, api).fetchStudentRecord(ann!.studentId);
    expect(record).toMatchObject({ ssid: '9876501234', ssidSource: 'school_records', ssidConfirmedBy: 'Demo Advisor' });
    expect(record.history).toEqual([expect.objectContaining({ action: 'ssid_changed', from: null, to: '1234', by: 'Demo Advisor' })]);
  });

  it('keeps a differing SSID for the advisor’s decision, and sets it once the advisor says it replaces the paper’s', async () => {
    const [ben] = await enrollAndSync([completeFields(2, await schoolId(), { ssid: '9111122223', ssidSource: 'student_form' })]);
    await queueSsidUpdates(store, [{ studentId: ben!.studentId, ssid: '9876501234', source: 'school_records' }]);
    await engine.syncNow();

    const refused = await readRosterEntry(store.db, ben!.studentId);
    expect(refused).toMatchObject({ ssidLast4: '2223', ssidUpdateProblem: { code: 'ssid_differs' } });
    expect(refused?.pendingSsidLast4).toBeUndefined();
    // A later pull that changes nothing about the student keeps the refusal.
    await engine.syncNow();
    expect((await readRosterEntry(store.db, ben!.studentId))?.ssidUpdateProblem).toMatchObject({ code: 'ssid_differs' });

    await queueSsidUpdates(store, [{ studentId: ben!.studentId, ssid: '9876501234', source: 'school_records', replaces: '2223' }]);
    await engine.syncNow();
    const replaced = await readRosterEntry(store.db, ben!.studentId);
    expect(replaced).toMatchObject({ ssidLast4: '1234', ssidSource: 'school_records' });
    expect(replaced?.ssidUpdateProblem).toBeUndefined();
  });

  it('leaves an update queued and pending while the server cannot be reached', async () => {
    const [cy] = await enrollAndSync([completeFields(3, await schoolId())]);
    await queueSsidUpdates(store, [{ studentId: cy!.studentId, ssid: '9876501234', source: 'school_records' }]);
    const offline = new SyncEngine({ db: store.db, api: createApiClient({ baseUrl: 'http://127.0.0.1:9' }), locks: null, events: null, isOnline: () => true });
    await offline.syncNow();
    offline.stop();
    expect(await store.db.outbox.count()).toBe(1);
    expect(await readRosterEntry(store.db, cy!.studentId)).toMatchObject({ pendingSsidLast4: '1234' });
  });
});

describe('PAF approval from the tablet', () => {
  it('lists pending enrollments, refuses a required year without an SSID, and approves once one is given', async () => {
    const [dee] = await enrollAndSync([completeFields(4, await schoolId(), { programYear: '2025-26' })]);
    const calls = createStudentCalls(store.db, api);
    const pending = await calls.fetchPendingEnrollments();
    expect(pending).toEqual([expect.objectContaining({ id: dee!.recordId, studentId: dee!.studentId, ssidRequired: true, origin: 'tablet' })]);

    const refused = await calls.approveEnrollment(dee!.recordId);
    expect(refused).toEqual({ ok: false, status: 422, ssidRequired: true, problem: { code: PROBLEMS.ssidRequired.code, message: PROBLEMS.ssidRequired.message } });

    const approved = await calls.approveEnrollment(dee!.recordId, { ssid: '98765 01234' });
    expect(approved).toMatchObject({ ok: true, ssidLast4: '1234', enrollment: { status: 'approved', pafStatus: 'signed' } });
    expect(await calls.fetchPendingEnrollments()).toEqual([]);
    expect((await calls.fetchStudentRecord(dee!.studentId)).ssidSource).toBe('student_form');
  });

  it('prompts for the SSID after approving in a year that does not require one', async () => {
    // Born 2001: 13 in 2014-15, as grade 8 usually is.
    const [eve] = await enrollAndSync([completeFields(5, await schoolId(), { programYear: '2014-15', dateOfBirth: '2001-03-15' })]);
    expect(await createStudentCalls(store.db, api).approveEnrollment(eve!.recordId)).toMatchObject({ ok: true, prompt: 'ssid_missing', ssidLast4: null });
  });

  it('marks the session expired when the server refuses the token', async () => {
    const calls = createStudentCalls(store.db, api);
    const session = await readSession(store.db);
    // Revoked on the server behind the tablet's back (e.g. by another sign-out of this token).
    await api.signOut(session!.token);
    await expect(calls.fetchPendingEnrollments()).rejects.toMatchObject({ status: 401 });
    expect(await readSession(store.db)).toMatchObject({ expired: true });
  });
});
