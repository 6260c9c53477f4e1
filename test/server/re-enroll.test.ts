/**
 * Student re-enrollment over real HTTP, on each database: one generic failure
 * whatever was wrong, rate limits per IP and per SSID (429 with Retry-After),
 * and exactly one pending enrollment however often the student sends the form.
 */
import { describe, expect, it } from 'vitest';
import { programYearOf } from '../../src/shared/policy';
import { PROBLEMS } from '../../src/shared/problems';
import { approveEnrollmentResponseSchema, pendingEnrollmentsResponseSchema, reEnrollResponseSchema } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { application, mutation, randomSsid } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

const LIMITS = { maxPerIp: 12, maxPerSsid: 5, floorMs: 5 };

describe.each(DATABASES)('re-enrollment on $name', (database) => {
  const { handle, server, center, session } = useServerSuite(database, { server: { trustProxy: '127.0.0.1', reEnroll: LIMITS }, signIn: 'advisor' });
  let nextId = 1;
  let ipCounter = 0;

  /** A student the center enrolled in an earlier year; returns their answers. */
  async function returningStudent(lastName = 'García López') {
    const school = center.schoolIds[0]!;
    const ssid = randomSsid();
    const m = mutation(nextId++, school, { application: application(school, { lastName, dateOfBirth: '2011-04-02', ssid, programYear: '2019-20' }) });
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [m] } });
    expect(answer.status).toBe(200);
    return { studentId: m.studentId, answers: { lastName, dateOfBirth: '2011-04-02', ssid } };
  }

  /** A fresh client address, so one test's attempts do not count against another's. */
  const newIp = () => `198.51.100.${++ipCounter}`;

  const reEnroll = (body: unknown, ip: string) =>
    call(server.url, 'POST', '/api/re-enroll', { body, headers: { 'x-forwarded-for': ip } });

  const enrollmentsOf = (studentId: string) =>
    handle.db.selectFrom('enrollments').select(['id', 'status', 'origin', 'program_year']).where('student_id', '=', studentId).where('origin', '=', 'student_online').execute();

  it('creates exactly one enrollment waiting for the advisor, however often the student sends it', async () => {
    const { studentId, answers } = await returningStudent();
    const ip = newIp();
    const first = await reEnroll({ ...answers, lastName: 'garcia-lopez', ssid: `${answers.ssid.slice(0, 5)} ${answers.ssid.slice(5)}` }, ip);
    const again = await reEnroll(answers, ip);
    const programYear = programYearOf(new Date().toISOString().slice(0, 10));
    expect(first.status).toBe(202);
    expect(reEnrollResponseSchema.parse(first.body)).toEqual({ programYear, waitingForApproval: true });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(await enrollmentsOf(studentId)).toEqual([expect.objectContaining({ status: 'pending_approval', program_year: programYear })]);
  });

  it('shows the re-enrollment to the advisor, who approves it', async () => {
    const { studentId, answers } = await returningStudent('Quintero');
    expect((await reEnroll(answers, newIp())).status).toBe(202);
    const list = pendingEnrollmentsResponseSchema.parse((await call(server.url, 'GET', '/api/enrollments?status=pending', { token: session.token })).body);
    const pending = list.enrollments.find((e) => e.studentId === studentId && e.origin === 'student_online');
    expect(pending).toMatchObject({ status: 'pending_approval', lastName: 'Quintero', ssidLast4: answers.ssid.slice(-4), ssidRequired: false });
    const approved = await call(server.url, 'POST', `/api/enrollments/${pending!.id}/approve`, { token: session.token, body: {} });
    expect(approveEnrollmentResponseSchema.parse(approved.body).enrollment.status).toBe('approved');
    expect(reEnrollResponseSchema.parse((await reEnroll(answers, newIp())).body).waitingForApproval).toBe(false);
  });

  it('answers every wrong answer with the same status and body, and creates nothing', async () => {
    const { studentId, answers } = await returningStudent();
    const wrong = [
      { ...answers, ssid: randomSsid() },
      { ...answers, dateOfBirth: '2011-04-03' },
      { ...answers, lastName: 'Lopes' },
      { ...answers, lastName: 'Smith', dateOfBirth: '2010-01-01' },
    ];
    const answersGiven = await Promise.all(wrong.map((body) => reEnroll(body, newIp())));
    for (const answer of answersGiven) {
      expect(answer.status).toBe(PROBLEMS.reEnrollFailed.status);
      expect(answer.body).toEqual({ code: PROBLEMS.reEnrollFailed.code, message: PROBLEMS.reEnrollFailed.message });
      expect(answer.headers.get('content-length')).toBe(answersGiven[0]!.headers.get('content-length'));
    }
    expect(await enrollmentsOf(studentId)).toEqual([]);
  });

  it('limits attempts per SSID across addresses, before saying whether the answers matched', async () => {
    const { studentId, answers } = await returningStudent();
    for (let i = 0; i < LIMITS.maxPerSsid; i++) {
      expect((await reEnroll({ ...answers, dateOfBirth: '2000-01-01' }, newIp())).status).toBe(400);
    }
    const right = await reEnroll(answers, newIp());
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ code: PROBLEMS.tooManyRequests.code });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await enrollmentsOf(studentId)).toEqual([]);
    // An SSID nobody has is limited exactly the same way.
    const unknown = { ...answers, ssid: randomSsid() };
    const statuses = [];
    for (let i = 0; i <= LIMITS.maxPerSsid; i++) statuses.push((await reEnroll(unknown, newIp())).status);
    expect(statuses).toEqual([...Array<number>(LIMITS.maxPerSsid).fill(400), 429]);
  });

  it('limits attempts per address, with Retry-After', async () => {
    const ip = newIp();
    const statuses = [];
    for (let i = 0; i <= LIMITS.maxPerIp; i++) {
      statuses.push((await reEnroll({ lastName: 'Nobody', dateOfBirth: '2011-01-01', ssid: randomSsid() }, ip)).status);
    }
    expect(statuses.slice(0, LIMITS.maxPerIp).every((s) => s === 400)).toBe(true);
    const limited = await reEnroll({ lastName: 'Nobody', dateOfBirth: '2011-01-01', ssid: randomSsid() }, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('keeps SSIDs out of the rate-limit table and the log', async () => {
    const { answers } = await returningStudent();
    await reEnroll(answers, newIp());
    await reEnroll({ ...answers, ssid: randomSsid() }, newIp());
    const keys = (await handle.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys.some((k) => k.startsWith('re-enroll:ssid:'))).toBe(true);
    expect(keys.join('\n')).not.toContain(answers.ssid);
    expect(server.logs.join('\n')).not.toContain(answers.ssid);
  });

  it('answers badly formed details with field reasons, without counting them against an SSID', async () => {
    const answer = await reEnroll({ lastName: '', dateOfBirth: '4/2/2011', ssid: '12345' }, newIp());
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: PROBLEMS.invalidBody.code, details: expect.arrayContaining([expect.objectContaining({ field: 'ssid' })]) });
  });
});
