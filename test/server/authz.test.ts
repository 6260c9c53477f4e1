/**
 * Authorization on every authenticated route (issue 5, item 6), over real HTTP
 * on each database. Two centers; the advisor of one aims every read and write at
 * the other's data and gets 403/404 or nothing of theirs; and expired, revoked
 * and disabled tokens are refused everywhere. The route list is read from the
 * server, so a new route without a case here fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import { hashToken } from '../../src/server/auth/tokens';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { findUserByEmail } from '../../src/server/queries/users';
import { DISCLOSURE_ACTION, SSID_DISCLOSURE_LIMIT } from '../../src/server/students/ssid-disclosure';
import { apiRoutes } from './helpers/api-routes';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';
import { centerVerification, setCenterVerification } from '../../src/server/queries/centers';

const PUBLIC = ['POST /api/session', 'POST /api/re-enroll', 'GET /api/setup', 'POST /api/setup'];
const MISSING_ID = '0190a0a0-0000-7000-8000-000000000000';

type Session = Awaited<ReturnType<typeof signIn>>;

describe.each(DATABASES)('authorization on $name', (database) => {
  const { handle, server, center: ours } = useServerSuite(database, { center: 'ours' });
  let theirs: CenterFixture;
  let me: Session;
  let them: Session;
  /** Our center's administrator, and the other center's advisor's account id. */
  let myAdmin: Session;
  let theirAdvisorId = '';
  /** The other center's record, student and school. */
  const their = { recordId: '', studentId: '', schoolId: '', lastName: 'Theirsworth', ssid: '' };
  let nextId = 1;

  beforeAll(async () => {
    theirs = await makeCenter(handle, 'theirs');
    me = await signIn(server.url, ours.advisor.email, ours.advisor.password);
    them = await signIn(server.url, theirs.advisor.email, theirs.advisor.password);
    their.schoolId = theirs.schoolIds[0]!;
    const m = mutation(1, their.schoolId, { application: application(their.schoolId, { lastName: their.lastName }) });
    Object.assign(their, { recordId: m.recordId, studentId: m.studentId, ssid: m.application.ssid });
    const pushed = await call(server.url, 'POST', '/api/sync/push', { token: them.token, body: { deviceId: them.deviceId, mutations: [m] } });
    expect(pushed.status).toBe(200);
    myAdmin = await signIn(server.url, ours.admin.email, ours.admin.password);
    theirAdvisorId = (await findUserByEmail(handle.db, theirs.advisor.email))!.id;
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
    'POST /api/sync/report': async () => {
      // Their device's report, with our token; and our restored "backup" of their tablet settles nothing of theirs.
      const theirDevice = { deviceId: them.deviceId, unsent: 5 };
      expect((await call(server.url, 'POST', '/api/sync/report', { token: me.token, body: theirDevice })).status).toBe(403);
      expect((await call(server.url, 'POST', '/api/sync/report', { token: them.token, body: theirDevice })).status).toBe(200);
      const restored = { deviceId: me.deviceId, unsent: 0, restoredFrom: [{ deviceId: them.deviceId, madeAt: new Date(Date.now() + 60_000).toISOString() }] };
      expect((await call(server.url, 'POST', '/api/sync/report', { token: me.token, body: restored })).status).toBe(200);
      expect(await theirReport()).toMatchObject({ unsent_records: 5, unsent_recovered_at: null });
    },
    'GET /api/sync/verify-queue': async () => {
      // Their advisor sends a batch for a second keyer: our tablet is not offered it.
      const sent = mutation(nextId++, their.schoolId, { verifyElsewhere: { batchId: MISSING_ID, sheet: 1 } });
      const pushed = await call<{ results: { status: string }[] }>(server.url, 'POST', '/api/sync/push', { token: them.token, body: { deviceId: them.deviceId, mutations: [sent] } });
      expect(pushed.body.results.map((r) => r.status)).toEqual(['applied']);
      const answer = await call(server.url, 'GET', '/api/sync/verify-queue', { token: me.token });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ batches: [] });
      expectNothingOfTheirs(answer.body);
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

  /**
   * An administrator's route: our advisor is refused with 403 and changes nothing;
   * our administrator aimed at the other center's `target` gets 404, or (for lists)
   * nothing of theirs; `unchanged` checks their data after both tries.
   */
  function adminAttempt(method: string, path: (id: string) => string, target: () => string, unchanged: () => Promise<void>, bodyOf?: () => unknown) {
    return async () => {
      const body = bodyOf?.();
      const asAdvisor = await call(server.url, method, path(MISSING_ID), { token: me.token, ...(body === undefined ? {} : { body }) });
      expect(asAdvisor.status).toBe(403);
      expect(asAdvisor.body).toMatchObject({ code: PROBLEMS.forbidden.code });
      const asAdmin = await call(server.url, method, path(target()), { token: myAdmin.token, ...(body === undefined ? {} : { body }) });
      if (method === 'GET') {
        expect(asAdmin.status).toBe(200);
        expectNothingOfTheirs(asAdmin.body);
        expect(JSON.stringify(asAdmin.body)).not.toContain(theirs.advisor.email);
        expect(JSON.stringify(asAdmin.body)).not.toContain(them.deviceId);
      } else {
        expect(asAdmin.status, JSON.stringify(asAdmin.body)).toBe(path('') === path(target()) ? 201 : 404);
      }
      await unchanged();
    };
  }
  const theirAdvisorUnchanged = async () => {
    expect(await findUserByEmail(handle.db, theirs.advisor.email)).toMatchObject({ disabled: 0, must_change_password: 0 });
    expect((await call(server.url, 'GET', '/api/session', { token: them.token })).status).toBe(200);
  };
  const theirSchoolUnchanged = async () => {
    const school = await handle.db.selectFrom('schools').selectAll().where('id', '=', their.schoolId).executeTakeFirstOrThrow();
    expect(school).toMatchObject({ center_id: theirs.centerId, deleted: 0 });
    expect(school.name).not.toBe('Renamed');
  };
  const nothing = async () => {};
  const theirReport = () => handle.db.selectFrom('devices').selectAll().where('device_id', '=', them.deviceId).executeTakeFirstOrThrow();
  Object.assign(attempts, {
    'GET /api/admin/accounts': adminAttempt('GET', () => '/api/admin/accounts', () => '', nothing),
    // Creating lands in the caller's own center, whatever the body says.
    'POST /api/admin/accounts': adminAttempt('POST', () => '/api/admin/accounts', () => '', async () => {
      expect(await findUserByEmail(handle.db, 'planted@example.org')).toMatchObject({ center_id: ours.centerId });
    }, () => ({ email: 'planted@example.org', name: 'Planted', role: 'center_admin', centerId: theirs.centerId })),
    'POST /api/admin/accounts/:id/disable': adminAttempt('POST', (id) => `/api/admin/accounts/${id}/disable`, () => theirAdvisorId, theirAdvisorUnchanged),
    'POST /api/admin/accounts/:id/enable': adminAttempt('POST', (id) => `/api/admin/accounts/${id}/enable`, () => theirAdvisorId, theirAdvisorUnchanged),
    'POST /api/admin/accounts/:id/reset-password': adminAttempt('POST', (id) => `/api/admin/accounts/${id}/reset-password`, () => theirAdvisorId, async () => {
      await theirAdvisorUnchanged();
      await signIn(server.url, theirs.advisor.email, theirs.advisor.password);
    }),
    'GET /api/admin/schools': adminAttempt('GET', () => '/api/admin/schools', () => '', nothing),
    'POST /api/admin/schools': adminAttempt('POST', () => '/api/admin/schools', () => '', async () => {
      const planted = await handle.db.selectFrom('schools').selectAll().where('name', '=', 'Planted School').executeTakeFirstOrThrow();
      expect(planted.center_id).toBe(ours.centerId);
    }, () => ({ name: 'Planted School', cdsCode: '99999999999999', centerId: theirs.centerId })),
    'POST /api/admin/schools/:id/rename': adminAttempt('POST', (id) => `/api/admin/schools/${id}/rename`, () => their.schoolId, theirSchoolUnchanged, () => ({ name: 'Renamed' })),
    'POST /api/admin/schools/:id/retire': adminAttempt('POST', (id) => `/api/admin/schools/${id}/retire`, () => their.schoolId, theirSchoolUnchanged),
    'GET /api/admin/tablets': adminAttempt('GET', () => '/api/admin/tablets', () => '', nothing),
    'POST /api/admin/tablets/:id/revoke': adminAttempt('POST', (id) => `/api/admin/tablets/${id}/revoke`, () => them.deviceId, async () => {
      expect((await call(server.url, 'GET', '/api/session', { token: them.token })).status).toBe(200);
    }),
    'POST /api/admin/tablets/:id/dismiss-unsent': adminAttempt('POST', (id) => `/api/admin/tablets/${id}/dismiss-unsent`, () => them.deviceId, async () => {
      expect(await theirReport()).toMatchObject({ unsent_dismissed_at: null });
    }),
    'GET /api/admin/history': adminAttempt('GET', () => '/api/admin/history', () => '', nothing),
    'GET /api/admin/progress': adminAttempt('GET', () => '/api/admin/progress?programYear=2025-26', () => '', nothing),
    'GET /api/admin/verification': adminAttempt('GET', () => '/api/admin/verification', () => '', nothing),
    // There is no center to aim at: the setting is always the caller's own center's, whatever the body says.
    'POST /api/admin/verification': async () => {
      const body = { policy: 'required', centerId: theirs.centerId };
      const asAdvisor = await call(server.url, 'POST', '/api/admin/verification', { token: me.token, body });
      expect(asAdvisor.status).toBe(403);
      expect(await centerVerification(handle.db, ours.centerId)).toMatchObject({ policy: 'off' });
      const asAdmin = await call(server.url, 'POST', '/api/admin/verification', { token: myAdmin.token, body });
      expect(asAdmin.status).toBe(200);
      expect(await centerVerification(handle.db, theirs.centerId)).toMatchObject({ policy: 'off' });
      expect(await centerVerification(handle.db, ours.centerId)).toMatchObject({ policy: 'required' });
      // Back as it was, so the other cases push as before.
      await setCenterVerification(handle.db, ours.centerId, 'off', null);
    },
    'POST /api/session/password': async () => {
      // Only ever the caller's own password: there is no user id to aim anywhere else.
      const answer = await call(server.url, 'POST', '/api/session/password', { token: me.token, body: { currentPassword: theirs.advisor.password + 'x', newPassword: 'a new password 1' } });
      expect(answer.status).toBe(400);
      await signIn(server.url, theirs.advisor.email, theirs.advisor.password);
    },
  });

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

  it('keeps a tablet’s queue its own when another center signs in with its device id (issue 11, item 1)', async () => {
    const a = await makeCenter(handle, 'tablet-owner');
    const b = await makeCenter(handle, 'intruder');
    const tablet = await signIn(server.url, a.advisor.email, a.advisor.password);
    const pushAs = (session: Session, mutations: unknown[]) =>
      call<{ lastAppliedMutationId: number; results: { status: string }[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations } });
    expect((await pushAs(tablet, [mutation(1, a.schoolIds[0]!)])).status).toBe(200);

    // The device id is printed in every backup file: another center signs in with it.
    const intruder = await signIn(server.url, b.advisor.email, b.advisor.password, tablet.deviceId);
    const jump = await pushAs(intruder, [mutation(Number.MAX_SAFE_INTEGER, b.schoolIds[0]!)]);
    expect(jump.status).toBe(400);
    expect(jump.body).toMatchObject({ code: PROBLEMS.invalidBody.code });
    const own = await pushAs(intruder, [mutation(5, b.schoolIds[0]!)]);
    expect(own.body).toMatchObject({ lastAppliedMutationId: 5, results: [{ status: 'applied' }] });

    // The tablet's next record is stored, not skipped as a duplicate.
    const next = mutation(2, a.schoolIds[0]!);
    const answer = await pushAs(tablet, [next]);
    expect(answer.body).toMatchObject({ lastAppliedMutationId: 2, results: [{ status: 'applied' }] });
    expect(await findEnrollment(handle.db, next.recordId)).toMatchObject({ center_id: a.centerId });
  });

  it('audits and limits per user the answers that say an SSID is held in another center (issue 11, item 8)', async () => {
    const prober = await makeCenter(handle, 'prober');
    const holder = await makeCenter(handle, 'holder');
    const proberSession = await signIn(server.url, prober.advisor.email, prober.advisor.password);
    const holderSession = await signIn(server.url, holder.advisor.email, holder.advisor.password);
    const pushAs = (session: Session, mutations: unknown[]) =>
      call<{ results: { status: string; reason?: { code: string } }[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations } });
    const held = mutation(1, holder.schoolIds[0]!);
    await pushAs(holderSession, [held]);
    const disclosures = async (userEmail: string) => {
      const user = await handle.db.selectFrom('users').select('id').where('email', '=', userEmail).executeTakeFirstOrThrow();
      return handle.db.selectFrom('audit_log').selectAll().where('action', '=', DISCLOSURE_ACTION).where('user_id', '=', user.id).execute();
    };

    // The conflict is still answered (students move between centers), and audited.
    const withoutSsid = mutation(1, prober.schoolIds[0]!, { ssidSource: null, application: application(prober.schoolIds[0]!, { ssid: '', ssidSource: '' }) });
    await pushAs(proberSession, [withoutSsid]);
    const approve = () => call(server.url, 'POST', `/api/enrollments/${withoutSsid.recordId}/approve`, { token: proberSession.token, body: { ssid: held.application.ssid } });
    expect((await approve()).body).toMatchObject({ code: PROBLEMS.ssidTaken.code });
    expect(await disclosures(prober.advisor.email)).toEqual([expect.objectContaining({ entity: 'student', entity_id: held.studentId })]);

    // Past the hourly limit, a push's conflict becomes a refusal to try later, and approval a 429.
    const probes = Array.from({ length: SSID_DISCLOSURE_LIMIT.max }, (_, i) =>
      mutation(i + 2, prober.schoolIds[0]!, { application: application(prober.schoolIds[0]!, { ssid: held.application.ssid }) }));
    const answer = await pushAs(proberSession, probes);
    expect(answer.body.results.slice(0, -1).every((r) => r.status === 'conflict' && r.reason?.code === 'ssid_taken')).toBe(true);
    expect(answer.body.results.at(-1)).toMatchObject({ status: 'rejected', reason: { code: 'too_many_ssid_checks' } });
    expect((await approve()).status).toBe(429);
    expect(await disclosures(prober.advisor.email)).toHaveLength(SSID_DISCLOSURE_LIMIT.max);

    // Within one center nothing is disclosed, so nothing is counted.
    const sameCenter = mutation(2, holder.schoolIds[0]!, {
      application: application(holder.schoolIds[0]!, { ssid: held.application.ssid, firstName: 'Noemi', lastName: 'Arriaga', dateOfBirth: '2012-06-07' }),
    });
    expect((await pushAs(holderSession, [sameCenter])).body.results[0]).toMatchObject({ status: 'conflict', reason: { code: 'ssid_taken' } });
    expect(await disclosures(holder.advisor.email)).toEqual([]);
  });
});
