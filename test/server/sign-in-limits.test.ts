/**
 * Sign-in limits against guessing and against lockout (issue 11, items 3 and 4,
 * and the purge of item 8), over real HTTP on each database. The server sits
 * behind a trusted proxy on 127.0.0.1, so each test names the caller's address
 * the way that proxy would: appended last to X-Forwarded-For.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { PROBLEMS } from '../../src/shared/problems';
import { trustProxyFrom } from '../../src/server/config';
import type { SignInLimits } from '../../src/server/deps';
import { DATABASES } from './helpers/databases';
import { makeCenter } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServer } from './helpers/server-suite';

/** Each sign-in runs scrypt; on a busy machine a test of many takes a while. */
const MANY_SIGN_INS = 120_000;
const LIMITS: SignInLimits = { windowMs: 15 * 60 * 1000, maxPerIp: 8, maxPerKnownDevice: 3, maxPerAccountAndIp: 3, maxPerAccount: 6 };

describe.each(DATABASES)('sign-in limits on $name', (database) => {
  const { handle, server } = useServer(database, { server: { trustProxy: trustProxyFrom('127.0.0.1'), signIn: LIMITS } });
  let addresses = 0;
  /** A fresh caller address, so one test's attempts do not count against another's. */
  const newIp = () => `198.51.100.${++addresses}`;

  const signInFrom = (ip: string, body: { email: string; password: string; deviceId?: string }, forwardedFor = ip) =>
    call(server.url, 'POST', '/api/session', { body: { deviceId: uuidv7(), ...body }, headers: { 'x-forwarded-for': forwardedFor } });

  it('lets the owner sign in after strangers failed more times than any limit from other addresses', async () => {
    const owner = (await makeCenter(handle, 'owner')).advisor;
    for (let i = 0; i <= LIMITS.maxPerAccountAndIp; i++) {
      expect((await signInFrom(newIp(), { email: owner.email, password: `guess ${i}` })).status).toBe(401);
    }
    expect((await signInFrom(newIp(), owner)).status).toBe(200);
  }, MANY_SIGN_INS);

  it('slows guessing from one address: past the limit even the right password waits there, and only there', async () => {
    const owner = (await makeCenter(handle, 'guessed')).advisor;
    const attacker = newIp();
    for (let i = 0; i < LIMITS.maxPerAccountAndIp; i++) {
      expect((await signInFrom(attacker, { email: owner.email, password: `guess ${i}` })).status).toBe(401);
    }
    const waited = await signInFrom(attacker, owner);
    expect(waited.status).toBe(429);
    expect(waited.body).toMatchObject({ code: PROBLEMS.tooManyRequests.code });
    expect(Number(waited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signInFrom(newIp(), owner)).status).toBe(200);
  }, MANY_SIGN_INS);

  it('holds guessing from many addresses to the account’s ceiling, and a device that signed in before keeps working', async () => {
    const owner = (await makeCenter(handle, 'ceiling')).advisor;
    const tablet = uuidv7();
    expect((await signInFrom(newIp(), { ...owner, deviceId: tablet })).status).toBe(200);
    // That sign-in counted once against the account, too.
    for (let i = 1; i < LIMITS.maxPerAccount; i++) {
      expect((await signInFrom(newIp(), { email: owner.email, password: `guess ${i}` })).status).toBe(401);
    }
    expect((await signInFrom(newIp(), owner)).status).toBe(429);
    expect((await signInFrom(newIp(), { ...owner, deviceId: tablet })).status).toBe(200);
  }, MANY_SIGN_INS);

  it('counts attempts against the address the trusted proxy saw, not a first hop the caller wrote', async () => {
    const real = newIp();
    const answers: number[] = [];
    for (let i = 0; i <= LIMITS.maxPerIp; i++) {
      const forged = `203.0.113.${i + 1}`;
      answers.push((await signInFrom(real, { email: `nobody-${i}@example.org`, password: 'wrong password' }, `${forged}, ${real}`)).status);
    }
    expect(answers.slice(0, LIMITS.maxPerIp).every((s) => s === 401)).toBe(true);
    expect(answers.at(-1)).toBe(429);
    const logged = server.logs.filter((line) => line.includes('"remoteAddress"'));
    expect(logged.some((line) => line.includes(real))).toBe(true);
    expect(logged.some((line) => line.includes('203.0.113.'))).toBe(false);
  }, MANY_SIGN_INS);

  it('purges attempt counters whose window ended long ago', async () => {
    const stale = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
    await handle.db.insertInto('rate_limits').values({ key: 'sign-in:ip:192.0.2.1', window_start: stale, count: 3 }).execute();
    await signInFrom(newIp(), { email: 'nobody@example.org', password: 'wrong password' });
    const keys = (await handle.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('sign-in:ip:192.0.2.1');
    expect(keys.length).toBeGreaterThan(0);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['127.0.0.1', '127.0.0.1'],
    ['10.0.0.5, 10.0.0.0/8,fd00::/8', '10.0.0.5,10.0.0.0/8,fd00::/8'],
    ['loopback', 'loopback'],
  ])('reads %j as the proxies to believe: %j', (value, expected) => {
    expect(trustProxyFrom(value)).toBe(expected);
  });

  it.each(['1', 'true', '2', '*', 'proxy.example.org'])('refuses %j, which would believe a hop the caller writes or names no proxy', (value) => {
    expect(() => trustProxyFrom(value)).toThrow(/TRUST_PROXY/);
  });
});
