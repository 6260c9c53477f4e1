/**
 * The limits a server ships with, through the real server built with no limits
 * passed in: the other suites pass their own small limits, so a default raised
 * from 5 to 500 would pass them all. Each test gets a fresh database and server,
 * so one test's attempts from 127.0.0.1 never count against another's. The
 * per-account sign-in limit (10) is asserted on a default server in session.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { PROBLEMS } from '../../src/shared/problems';
import { sessionResponseSchema } from '../../src/shared/protocol';
import { DATABASES } from './helpers/databases';
import { application, mutation, randomSsid } from './helpers/fixtures';
import { call, signIn, type Answer } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

/** What the README and design promise: a 15-minute window everywhere. */
const WINDOW_SECONDS = 15 * 60;
const RE_ENROLL_PER_SSID = 5;
const RE_ENROLL_PER_IP = 100;
const SIGN_IN_PER_IP = 60;
const SESSION_DAYS = 30;

/** Sends `count` requests one after another and answers their statuses in order. */
async function statusesOf(count: number, send: (i: number) => Promise<Answer>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send(i)).status);
  return statuses;
}

function expectLimited(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.body).toMatchObject({ code: PROBLEMS.tooManyRequests.code });
  expect(Number(answer.headers.get('retry-after'))).toBe(WINDOW_SECONDS);
}

describe.each(DATABASES)('the shipped rate limits on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { perTest: true });

  /**
   * Attempts already counted in this window: each real attempt costs a scrypt or
   * the answer floor, and a shared test machine cannot afford a hundred of them.
   */
  const triedAlready = (key: string, count: number) =>
    handle.db.insertInto('rate_limits').values({ key, window_start: new Date().toISOString(), count }).execute();
  const reEnroll = (body: unknown) => call(server.url, 'POST', '/api/re-enroll', { body });
  const signInAs = (email: string, password: string) => call(server.url, 'POST', '/api/session', { body: { email, password, deviceId: uuidv7() } });

  it(`lets one SSID be tried ${RE_ENROLL_PER_SSID} times in 15 minutes, then holds back even the right answers`, async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const school = center.schoolIds[0]!;
    const ssid = randomSsid();
    const earlier = mutation(1, school, { application: application(school, { lastName: 'Quintero', dateOfBirth: '2011-04-02', ssid, programYear: '2019-20' }) });
    expect((await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [earlier] } })).status).toBe(200);
    const wrong = { lastName: 'Quintero', dateOfBirth: '2000-01-01', ssid };

    const statuses = await statusesOf(RE_ENROLL_PER_SSID, () => reEnroll(wrong));

    expect(statuses).toEqual(Array<number>(RE_ENROLL_PER_SSID).fill(400));
    expectLimited(await reEnroll({ ...wrong, dateOfBirth: '2011-04-02' }));
  });

  it(`lets one address try ${RE_ENROLL_PER_IP} re-enrollments in 15 minutes, then refuses before reading the answers`, async () => {
    await triedAlready('re-enroll:ip:127.0.0.1', RE_ENROLL_PER_IP - 2);

    const statuses = await statusesOf(2, () => reEnroll({ lastName: 'Nobody', dateOfBirth: '2011-01-01', ssid: randomSsid() }));

    expect(statuses).toEqual([400, 400]);
    expectLimited(await reEnroll({ lastName: 'Nobody', dateOfBirth: '2011-01-01', ssid: randomSsid() }));
  });

  it(`lets one address try ${SIGN_IN_PER_IP} sign-ins in 15 minutes, across accounts, then refuses even the right password`, async () => {
    await triedAlready('sign-in:ip:127.0.0.1', SIGN_IN_PER_IP - 2);

    const statuses = await statusesOf(2, (i) => signInAs(`stranger-${i}@example.org`, 'not a password'));

    expect(statuses).toEqual([401, 401]);
    expectLimited(await signInAs(center.advisor.email, center.advisor.password));
  });

  it(`keeps a sign-in for ${SESSION_DAYS} days`, async () => {
    const before = Date.now();
    const answer = await signInAs(center.advisor.email, center.advisor.password);
    const after = Date.now();

    const expiresAt = Date.parse(sessionResponseSchema.parse(answer.body).expiresAt);
    const day = 24 * 60 * 60 * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + SESSION_DAYS * day);
    expect(expiresAt).toBeLessThanOrEqual(after + SESSION_DAYS * day);
  });
});
