/**
 * Authorization on every authenticated route (issue 5, item 6), over real HTTP
 * on each database. Two centers; the advisor of one aims every read and write at
 * the other's data and gets 403/404 or nothing of theirs; and expired, revoked
 * and disabled tokens are refused everywhere. The route list is read from the
 * server, so a new route without a case here fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import type { DatabaseHandle } from '../../src/server/db/connect';
import { hashToken } from '../../src/server/auth/tokens';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { apiRoutes } from './helpers/api-routes';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn, startServer, type RunningServer } from './helpers/http';

const PUBLIC = ['POST /api/session', 'POST /api/re-enroll'];
const MISSING_ID = '0190a0a0-0000-7000-8000-000000000000';

type Session = Awaited<ReturnType<typeof signIn>>;

describe.each(DATABASES)('authorization on $name', (database) => {
  let handle: DatabaseHandle;
  let server: RunningServer;
  let ours: CenterFixture;
  let theirs: CenterFixture;
  let me: Session;
  let them: Session;
  /** The other center's record, student and school. */
  const their = { recordId: '', studentId: '', schoolId: '', lastName: 'Theirsworth', ssid: '' };
  let nextId = 1;

  beforeAll(async () => {
    handle = await database.open();
    server = await startServer(handle);
    ours = await makeCenter(handle, 'ours');
    theirs = await makeCenter(handle, 'theirs');
    me = await signIn(server.url, ours.advisor.email, ours.advisor.password);
    them = await signIn(server.url, theirs.advisor.email, theirs.advisor.password);
    their.schoolId = theirs.schoolIds[0]!;
    const m = mutation(1, their.schoolId, { application: application(their.schoolId, { lastName: their.lastName }) });
    Object.assign(their, { recordId: m.recordId, studentId: m.studentId, ssid: m.application.ssid });
    const pushed = await call(server.url, 'POST', '/api/sync/push', { token: them.token, body: { deviceId: them.deviceId, mutations: [m] } });
    expect(pushed.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  /** Nothing of the other center appears in an answer. */
  function expectNothingOfTheirs(body: unknown): void {
    const text = JSON.stringify(body);
    for (const value of [their.recordId, their.studentId, their.schoolId, their.lastName, their.ssid, theirs.centerId]) expect(text).not.toContain(value);
  }

  const push = (mutations: unknown[], deviceId = me.deviceId) =>
    call<{ results: { status: string; reason?: { code: string } }[] }>(server.url, 'POST', '/api/sync/push', { token: me.token, body: { deviceId, mutations } });

  /** Per route: what our advisor tries on their data, and what must come of it. */
  const attempts: Record<string, () => Promise<void>> = {
    'GET /api/session': async () => {
      const answer = await call<{ user: { centerId: string } }>(server.url, 'GET', '/api/session', { token: me.token });
      expect(answer.body.user.centerId).toBe(ours.centerId);
    },
    'DELETE /api/session': async () => {
      const mine = await signIn(server.url, ours.advisor.email, ours.advisor.password);
      expect((await call(server.url, 'DELETE', '/api/session', { token: mine.token })).status).toBe(204);
      expect((await call(server.url, 'GET', '/api/session', { token: them.token })).status).toBe(200);
    },
    'POST /api/sync/push': async () => {
      // Their device's queue, with our token.
      expect((await push([mutation(nextId, ours.schoolIds[0]!)], them.deviceId)).status).toBe(403);
      const overRecord = mutation(nextId++, ours.schoolIds[0]!, { recordId: their.recordId, baseServerVersion: 1 });
      const overStudent = mutation(nextId++, ours.schoolIds[0]!, { studentId: their.studentId });
      const atSchool = mutation(nextId++, their.schoolId);
      const answer = await push([overRecord, overStudent, atSchool]);
      expect(answer.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await findEnrollment(handle.db, their.recordId)).toMatchObject({ center_id: theirs.centerId, version: 1 });
      expect(await findStudent(handle.db, their.studentId)).toMatchObject({ center_id: theirs.centerId, last_name: their.lastName });
      expect(await findStudent(handle.db, atSchool.studentId)).toBeUndefined();
    },
    'GET /api/sync/pull': async () => {
      const answer = await call(server.url, 'GET', '/api/sync/pull', { token: me.token });
      expect(answer.status).toBe(200);
      expectNothingOfTheirs(answer.body);
    },
    'GET /api/students': async () => {
      for (const query of ['', `?q=${their.lastName}`, `?q=${their.ssid}`]) {
        const answer = await call(server.url, 'GET', `/api/students${query}`, { token: me.token });
        expect(answer.status).toBe(200);
        expectNothingOfTheirs(answer.body);
      }
    },
    'GET /api/students/:id': async () => {
      const answer = await call(server.url, 'GET', `/api/students/${their.studentId}`, { token: me.token });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual((await call(server.url, 'GET', `/api/students/${MISSING_ID}`, { token: me.token })).body);
    },
    'GET /api/enrollments': async () => {
      const answer = await call(server.url, 'GET', '/api/enrollments?status=pending', { token: me.token });
      expect(answer.status).toBe(200);
      expectNothingOfTheirs(answer.body);
    },
    'POST /api/enrollments/:id/approve': async () => {
      const answer = await call(server.url, 'POST', `/api/enrollments/${their.recordId}/approve`, { token: me.token, body: { ssid: their.ssid } });
      expect([403, 404]).toContain(answer.status);
      expect(await findEnrollment(handle.db, their.recordId)).toMatchObject({ status: 'submitted', version: 1 });
    },
  };

  it('has a cross-center case for every authenticated route', () => {
    expect(Object.keys(attempts).sort()).toEqual(apiRoutes(server.app).filter((r) => !PUBLIC.includes(r)));
  });

  it.each(Object.keys(attempts))('keeps another center’s data out of reach on %s', async (route) => {
    await attempts[route]!();
  });

  /** A request to `route` that would succeed with a live token of ours. */
  function requestFor(route: string, token: string) {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(':id', MISSING_ID) + (pattern === '/api/enrollments' ? '?status=pending' : '');
    const body = method === 'POST' ? (pattern === '/api/sync/push' ? { deviceId: me.deviceId, mutations: [mutation(nextId, ours.schoolIds[0]!)] } : {}) : undefined;
    return call(server.url, method, path, body === undefined ? { token } : { token, body });
  }

  it.each([
    ['expired', async (token: string) => {
      await handle.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashToken(token)).execute();
    }],
    ['revoked by sign-out', async (token: string) => {
      expect((await call(server.url, 'DELETE', '/api/session', { token })).status).toBe(204);
    }],
    ['of a disabled user', async (_token: string, who: CenterFixture) => {
      await handle.db.updateTable('users').set({ disabled: 1 }).where('email', '=', who.advisor.email).execute();
    }],
  ])('refuses a token %s on every authenticated route with 401, changing nothing', async (_label, spoil) => {
    const who = await makeCenter(handle, 'spoilt');
    const session = await signIn(server.url, who.advisor.email, who.advisor.password);
    await spoil(session.token, who);
    const enrollmentsBefore = await handle.db.selectFrom('enrollments').select('id').execute();
    for (const route of apiRoutes(server.app).filter((r) => !PUBLIC.includes(r))) {
      const answer = await requestFor(route, session.token);
      expect(answer.status, route).toBe(401);
      expect(answer.body, route).toEqual({ code: PROBLEMS.unauthenticated.code, message: PROBLEMS.unauthenticated.message });
    }
    expect(await handle.db.selectFrom('enrollments').select('id').execute()).toEqual(enrollmentsBefore);
  });
});
