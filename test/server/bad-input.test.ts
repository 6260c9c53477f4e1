/**
 * Bad input on every API route (issue 5, item 6), fuzzed with fast-check over
 * real HTTP on each database: malformed JSON, wrong types, missing and unknown
 * fields, huge bodies and query strings. Each is answered with a 4xx carrying a
 * catalogued ProblemBody, stores nothing, and the server keeps serving.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import type { DatabaseHandle } from '../../src/server/db/connect';
import { apiRoutes } from './helpers/api-routes';
import { DATABASES } from './helpers/databases';
import { fieldJsonValue } from './helpers/json-values';
import { mutation } from './helpers/fixtures';
import { call, signIn, type Answer } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

/** Runs per property: enough to find shape bugs, cheap enough for CI. */
const RUNS = 30;

/** Every route the server has, and whether the table below fuzzes it. */
const COVERED = [
  'DELETE /api/session', 'GET /api/session', 'POST /api/session', 'POST /api/sync/push', 'GET /api/sync/pull', 'GET /api/students',
  'GET /api/students/:id', 'GET /api/enrollments', 'POST /api/enrollments/:id/approve', 'POST /api/re-enroll',
  'POST /api/session/password', 'GET /api/setup', 'POST /api/setup', 'GET /api/admin/progress',
  'GET /api/admin/accounts', 'POST /api/admin/accounts', 'POST /api/admin/accounts/:id/disable', 'POST /api/admin/accounts/:id/enable',
  'POST /api/admin/accounts/:id/reset-password', 'GET /api/admin/schools', 'POST /api/admin/schools', 'POST /api/admin/schools/:id/rename',
  'POST /api/admin/schools/:id/retire', 'GET /api/admin/tablets', 'POST /api/admin/tablets/:id/revoke', 'GET /api/admin/history',
  'POST /api/sync/report', 'POST /api/admin/tablets/:id/dismiss-unsent', 'GET /api/admin/verification', 'POST /api/admin/verification',
  'GET /api/sync/verify-queue',
];

const TABLES = ['centers', 'schools', 'users', 'sessions', 'devices', 'students', 'enrollments', 'audit_log'] as const;

/** Row counts of every table a request could write to. */
export async function rowCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A 4xx whose body is the catalogue's problem for that status, with its message. */
export function expectProblem(answer: Answer, label: string): void {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, label).toBeLessThan(500);
  const body = answer.body as { code?: unknown; message?: unknown };
  const entry = Object.values(PROBLEMS).find((p) => p.code === body.code);
  expect(entry, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeDefined();
  expect(entry!.status).toBe(answer.status);
  expect(body.message).toBe(entry!.message);
}

/** Text that is not JSON, or is JSON of the wrong shape. */
const notABody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).slice(0, -1)),
  fc.constantFrom('', '{', '{"email":', 'null', '[]', '"x"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"admin":true}}'),
);

describe.each(DATABASES)('bad input on $name', (database) => {
  // No answer floor on re-enrollment here: it is a timing defence, not what is tested.
  const { handle, server, center, session } = useServerSuite(database, { server: { reEnroll: { floorMs: 0, maxPerIp: 10_000 } }, signIn: 'advisor' });
  let admin: Awaited<ReturnType<typeof signIn>>;
  let nextMutationId = 1;

  beforeAll(async () => {
    admin = await signIn(server.url, center.admin.email, center.admin.password);
  });

  /** Sends every generated request, each must be a clean 4xx; then nothing is stored and a valid push still works. */
  async function expectRefusedAndHarmless<T>(arbitrary: fc.Arbitrary<T>, send: (value: T) => Promise<Answer>, label: string): Promise<void> {
    const before = await rowCounts(handle);
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        expectProblem(await send(value), `${label} ${JSON.stringify(value).slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(handle)).toEqual(before);
    const valid = mutation(nextMutationId++, center.schoolIds[0]!);
    const answer = await call<{ results: { status: string }[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [valid] } });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r) => r.status)).toEqual(['applied']);
  }

  const json = { 'content-type': 'application/json' };
  // Digits only: "1.", "1e2" and "0x10" are numbers to JavaScript, not row counts.
  const badLimit = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 501 }), fc.constantFrom('1.', '1e2', '0x10', ' 2.0'), fc.string().filter((s) => !/^\s*\d+\s*$/.test(s)));

  it('fuzzes every route the server has', async () => {
    expect(apiRoutes(server.app)).toEqual([...COVERED].sort());
  });

  it('refuses malformed and wrongly shaped sign-in bodies', async () => {
    const wrongShape = fc.record(
      { email: fc.oneof(fc.jsonValue(), fc.string()), password: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 300 })), deviceId: fc.oneof(fc.jsonValue(), fc.string()), deviceName: fc.jsonValue(), extra: fc.jsonValue() },
      { requiredKeys: [] },
    );
    await expectRefusedAndHarmless(notABody, (raw) => call(server.url, 'POST', '/api/session', { rawBody: raw, headers: json }), 'raw sign-in');
    await expectRefusedAndHarmless(wrongShape, (body) => call(server.url, 'POST', '/api/session', { body }), 'sign-in');
  });

  it('refuses a sign-in body over its limit, and over-long, NUL-bearing or broken-text fields', async () => {
    const before = await rowCounts(handle);
    const base = { email: center.advisor.email, password: center.advisor.password, deviceId: session.deviceId };
    expectProblem(await call(server.url, 'POST', '/api/session', { body: { ...base, deviceName: 'x'.repeat(20_000) } }), 'over the limit');
    expectProblem(await call(server.url, 'POST', '/api/session', { body: { ...base, deviceName: 'x'.repeat(121) } }), 'long device name');
    expectProblem(await call(server.url, 'POST', '/api/session', { body: { ...base, password: 'p'.repeat(201) } }), 'long password');
    // PostgreSQL cannot store U+0000: it must be a 400 there as on SQLite, not a 500.
    expectProblem(await call(server.url, 'POST', '/api/session', { body: { ...base, deviceName: 'Tablet\u00003' } }), 'NUL in device name');
    // A lone surrogate is not text: SQLite would store it as invalid UTF-8.
    expectProblem(await call(server.url, 'POST', '/api/session', { body: { ...base, deviceName: 'Tablet \ud800' } }), 'lone surrogate in device name');
    expect(await rowCounts(handle)).toEqual(before);
  });

  it('refuses malformed and wrongly shaped push envelopes', async () => {
    const push = (body: unknown) => call(server.url, 'POST', '/api/sync/push', { token: session.token, body });
    const badMutations = fc.oneof(
      fc.constant([]),
      fc.jsonValue().filter((v) => !Array.isArray(v)),
      fc.array(fc.oneof(fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.record({ recordId: fc.string() })), { minLength: 1, maxLength: 5 }),
      fc.array(fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 0.1, max: 1e6, noInteger: true }), fc.string()), { minLength: 1, maxLength: 5 }).map((ids) => ids.map((mutationId) => ({ mutationId }))),
      fc.integer({ min: 2, max: 100 }).map((n) => [{ mutationId: n }, { mutationId: n - 1 }]),
      fc.constant(Array.from({ length: 501 }, (_, i) => ({ mutationId: i + 1 }))),
    );
    await expectRefusedAndHarmless(notABody, (raw) => call(server.url, 'POST', '/api/sync/push', { token: session.token, rawBody: raw, headers: json }), 'raw push');
    await expectRefusedAndHarmless(badMutations, (mutations) => push({ deviceId: session.deviceId, mutations }), 'mutations');
    await expectRefusedAndHarmless(fc.oneof(fc.jsonValue(), fc.uuid({ version: 7 })), (deviceId) => push({ deviceId, mutations: [mutation(nextMutationId, center.schoolIds[0]!)] }), 'deviceId');
    await expectRefusedAndHarmless(fc.constant(null), () => push({ mutations: [mutation(nextMutationId, center.schoolIds[0]!)] }), 'no deviceId');
  });

  it('refuses malformed unsent-record reports', async () => {
    const report = (body: unknown) => call(server.url, 'POST', '/api/sync/report', { token: session.token, body });
    const badCount = fc.oneof(
      fc.jsonValue().filter((v) => typeof v !== 'number'),
      fc.integer({ max: -1 }),
      fc.double({ min: 0.1, max: 1e6, noInteger: true }),
      fc.integer({ min: 1_000_001 }),
    );
    await expectRefusedAndHarmless(notABody, (raw) => call(server.url, 'POST', '/api/sync/report', { token: session.token, rawBody: raw, headers: json }), 'raw report');
    await expectRefusedAndHarmless(badCount, (unsent) => report({ deviceId: session.deviceId, unsent }), 'unsent count');
    // Another device's id, or none that is one: a tablet reports only for itself.
    await expectRefusedAndHarmless(fc.oneof(fc.jsonValue(), fc.uuid({ version: 7 })), (deviceId) => report({ deviceId, unsent: 3 }), 'report deviceId');
    await expectRefusedAndHarmless(fc.jsonValue().filter((v) => !Array.isArray(v) || v.length > 0), (restoredFrom) => report({ deviceId: session.deviceId, unsent: 3, restoredFrom }), 'restored backups');
  });

  it('refuses bad pull checkpoints', async () => {
    const checkpoint = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => Buffer.from(s).toString('base64url')),
      fc.tuple(fc.string(), fc.string()).map(([seq, key]) => Buffer.from(`v1:${seq}:${key}`).toString('base64url')),
      fc.constantFrom('v1:1:ab', Buffer.from('v1:-1:ab').toString('base64url'), Buffer.from('v1:1e99:ab').toString('base64url'), 'x'.repeat(201)),
    ).filter((s) => !/^v1:\d{1,15}:[0-9a-f]{1,64}$/.test(Buffer.from(s, 'base64url').toString()));
    await expectRefusedAndHarmless(checkpoint, (value) => call(server.url, 'GET', `/api/sync/pull?checkpoint=${encodeURIComponent(value)}`, { token: session.token }), 'checkpoint');
    expectProblem(await call(server.url, 'GET', '/api/sync/pull?checkpoint=a&checkpoint=b', { token: session.token }), 'two checkpoints');
  });

  it('refuses any query on the verify queue, and a push whose verify-elsewhere mark is malformed, storing nothing', async () => {
    const query = fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 300 })).map(([k, v]) => `x${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    await expectRefusedAndHarmless(query, (q) => call(server.url, 'GET', `/api/sync/verify-queue?${q}`, { token: session.token }), 'verify-queue query');
    const badMark = fc.oneof(
      fieldJsonValue().filter((v) => v !== null && (typeof v !== 'object' || Array.isArray(v))),
      fc.record({ batchId: fc.oneof(fc.string({ maxLength: 40 }), fieldJsonValue()), sheet: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1001 }), fc.double({ noInteger: true }), fc.string()) }),
    );
    await fc.assert(fc.asyncProperty(badMark, async (verifyElsewhere) => {
      const marked = { ...mutation(nextMutationId++, center.schoolIds[0]!), verifyElsewhere };
      const answer = await call<{ results: { status: string; reason?: { code: string } }[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [marked] } });
      expect(answer.body.results.map((r) => [r.status, r.reason?.code])).toEqual([['rejected', 'invalid']]);
      const stored = await handle.db.selectFrom('enrollments').select('id').where('id', '=', marked.recordId).execute();
      expect(stored).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('refuses bad student queries and ids', async () => {
    const badQuery = fc.oneof(
      fc.string({ minLength: 101, maxLength: 3000 }).map((q) => `q=${encodeURIComponent(q)}`),
      fc.tuple(fc.string(), fc.string()).map(([a, b]) => `q=${encodeURIComponent(a)}&q=${encodeURIComponent(b)}`),
      fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `q=${encodeURIComponent(`${a}\u0000${b}`)}`),
      badLimit.map((limit) => `limit=${encodeURIComponent(String(limit))}`),
    );
    await expectRefusedAndHarmless(badQuery, (query) => call(server.url, 'GET', `/api/students?${query}`, { token: session.token }), 'students query');
    const badId = fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.uuid(), fc.constantFrom("' OR 1=1 --", '..%2f..%2fetc%2fpasswd', '%00', 'a\u0000b'));
    await expectRefusedAndHarmless(badId, (id) => call(server.url, 'GET', `/api/students/${encodeURIComponent(id)}`, { token: session.token }), 'student id');
  });

  it('refuses bad pending-enrollment queries and approvals', async () => {
    const badQuery = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 30 }).filter((s) => s !== 'pending').map((status) => `status=${encodeURIComponent(status)}`),
      badLimit.map((limit) => `status=pending&limit=${encodeURIComponent(String(limit))}`),
    );
    await expectRefusedAndHarmless(badQuery, (query) => call(server.url, 'GET', `/api/enrollments?${query}`, { token: session.token }), 'enrollments query');
    const approval = fc.record({
      id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 80 }), fc.constant('a\u0000b')),
      body: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.record({ ssid: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 20 })) })),
    });
    await expectRefusedAndHarmless(approval, ({ id, body }) => call(server.url, 'POST', `/api/enrollments/${encodeURIComponent(id)}/approve`, body === undefined ? { token: session.token } : { token: session.token, body }), 'approve');
  });

  it('refuses malformed and wrongly shaped re-enrollment bodies', async () => {
    const wrongShape = fc.record(
      { lastName: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 100 })), dateOfBirth: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 12 })), ssid: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 12 })), extra: fc.jsonValue() },
      { requiredKeys: [] },
    );
    await expectRefusedAndHarmless(notABody, (raw) => call(server.url, 'POST', '/api/re-enroll', { rawBody: raw, headers: json }), 'raw re-enroll');
    await expectRefusedAndHarmless(wrongShape, (body) => call(server.url, 'POST', '/api/re-enroll', { body }), 're-enroll');
    expectProblem(await call(server.url, 'POST', '/api/re-enroll', { body: { lastName: 'x'.repeat(5_000), dateOfBirth: '2011-01-01', ssid: '9123456789' } }), 'over the limit');
  });

  it('refuses malformed and wrongly shaped administration bodies, ids and queries', async () => {
    const post = (path: string, body?: unknown) => call(server.url, 'POST', path, body === undefined ? { token: admin.token } : { token: admin.token, body });
    const anyText = fc.oneof(fc.jsonValue(), fc.string({ maxLength: 300 }));
    const account = fc.record({ email: anyText, name: anyText, role: fc.oneof(anyText, fc.constant('state_admin')), extra: fc.jsonValue() }, { requiredKeys: [] })
      .filter((b) => !(typeof b.email === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(b.email.trim()) && typeof b.name === 'string' && b.name.trim() !== '' && (b.role === 'advisor' || b.role === 'center_admin')));
    await expectRefusedAndHarmless(notABody, (raw) => call(server.url, 'POST', '/api/admin/accounts', { token: admin.token, rawBody: raw, headers: json }), 'raw new account');
    await expectRefusedAndHarmless(account, (body) => post('/api/admin/accounts', body), 'new account');
    const school = fc.record({ name: anyText, cdsCode: fc.oneof(anyText, fc.stringMatching(/^\d{1,13}$/), fc.stringMatching(/^\d{15,20}$/)), city: fc.jsonValue() }, { requiredKeys: [] })
      .filter((b) => !(typeof b.cdsCode === 'string' && /^\d{14}$/.test(b.cdsCode.replace(/[\s-]/g, ''))));
    await expectRefusedAndHarmless(school, (body) => post('/api/admin/schools', body), 'new school');
    const badId = fc.oneof(fc.string({ minLength: 1, maxLength: 150 }), fc.uuid(), fc.constantFrom("' OR 1=1 --", '%00', 'a\u0000b', 'x'.repeat(101)));
    for (const path of ['accounts/:id/disable', 'accounts/:id/enable', 'accounts/:id/reset-password', 'schools/:id/retire', 'tablets/:id/revoke', 'tablets/:id/dismiss-unsent']) {
      await expectRefusedAndHarmless(badId, (id) => post(`/api/admin/${path.replace(':id', encodeURIComponent(id))}`), path);
    }
    await expectRefusedAndHarmless(fc.record({ id: badId, body: fc.oneof(fc.jsonValue(), fc.record({ name: anyText })) }), ({ id, body }) => post(`/api/admin/schools/${encodeURIComponent(id)}/rename`, body), 'rename');
    const policy = fc.record({ policy: anyText, extra: fc.jsonValue() }, { requiredKeys: [] })
      .filter((b) => !(typeof b.policy === 'string' && ['off', 'default', 'required'].includes(b.policy)));
    await expectRefusedAndHarmless(policy, (body) => post('/api/admin/verification', body), 'verification policy');
    const programYear = fc.string({ minLength: 1, maxLength: 30 }).filter((y) => !/^\d{4}-\d{2}$/.test(y));
    await expectRefusedAndHarmless(programYear, (year) => call(server.url, 'GET', `/api/admin/progress?programYear=${encodeURIComponent(year)}`, { token: admin.token }), 'progress year');
    // An advisor reaches none of them: the same refusal whatever the body.
    await expectRefusedAndHarmless(fc.jsonValue(), (body) => call(server.url, 'POST', '/api/admin/accounts', { token: session.token, body }), 'advisor new account');
  });

  it('refuses malformed set-up and password-change bodies', async () => {
    const anyText = fc.oneof(fc.jsonValue(), fc.string({ maxLength: 300 }));
    const setup = fc.record({ setupCode: anyText, centerName: anyText, name: anyText, email: anyText, password: anyText }, { requiredKeys: [] });
    await expectRefusedAndHarmless(fc.oneof(notABody.map((raw) => ({ raw })), setup.map((body) => ({ body }))), (input) => 'raw' in input
      ? call(server.url, 'POST', '/api/setup', { rawBody: input.raw, headers: json })
      : call(server.url, 'POST', '/api/setup', { body: input.body }), 'setup');
    const change = fc.record({ currentPassword: anyText, newPassword: anyText, extra: fc.jsonValue() }, { requiredKeys: [] });
    await expectRefusedAndHarmless(change, (body) => call(server.url, 'POST', '/api/session/password', { token: session.token, body }), 'password change');
    // The right shape with a wrong current password changes nothing: the advisor still signs in with the old one.
    expectProblem(await call(server.url, 'POST', '/api/session/password', { token: session.token, body: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1' } }), 'wrong current password');
    expect((await signIn(server.url, center.advisor.email, center.advisor.password)).token).toBeTruthy();
  });
});
