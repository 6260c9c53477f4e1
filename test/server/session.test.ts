/** Sign-in, session checks and sign-out over real HTTP, on each database. */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { PROBLEMS } from '../../src/shared/problems';
import { sessionResponseSchema } from '../../src/shared/protocol';
import { hashToken } from '../../src/server/auth/tokens';
import { DATABASES } from './helpers/databases';
import { makeCenter, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('sessions on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);

  it('signs in with email and password and returns a token for the device', async () => {
    const answer = await call(server.url, 'POST', '/api/session', {
      body: { email: center.advisor.email.toUpperCase(), password: center.advisor.password, deviceId: uuidv7(), deviceName: 'Tablet 3' },
    });
    expect(answer.status).toBe(200);
    const session = sessionResponseSchema.parse(answer.body);
    expect(session.user).toMatchObject({ email: center.advisor.email, role: 'advisor', centerId: center.centerId });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('stores only a hash of the token', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const rows = await handle.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(session.token));
    expect(rows.map((r) => r.token_hash)).not.toContain(session.token);
  });

  it.each([
    ['a wrong password', (c: CenterFixture) => ({ email: c.advisor.email, password: 'wrong password!' })],
    ['an unknown email', () => ({ email: 'nobody@example.org', password: 'whatever it is' })],
  ])('answers %s with the same 401', async (_label, credentials) => {
    const answer = await call(server.url, 'POST', '/api/session', { body: { ...credentials(center), deviceId: uuidv7() } });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: PROBLEMS.badCredentials.code, message: PROBLEMS.badCredentials.message });
  });

  it('answers a malformed sign-in with 400 and the fields at fault', async () => {
    const answer = await call<{ code: number; details: { field: string }[] }>(server.url, 'POST', '/api/session', { body: { email: 'not-an-email', password: '' } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(PROBLEMS.invalidBody.code);
    expect(answer.body.details.map((d) => d.field).sort()).toEqual(['deviceId', 'email', 'password']);
  });

  it('checks a token with GET /api/session', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const answer = await call(server.url, 'GET', '/api/session', { token: session.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ user: session.user });
  });

  it.each([
    ['no token', undefined],
    ['a token the server never issued', 'x'.repeat(43)],
    ['a malformed header', 'not a token'],
  ])('refuses %s with 401 on every authenticated route', async (_label, token) => {
    for (const [method, path] of [['GET', '/api/session'], ['GET', '/api/students'], ['GET', '/api/sync/pull'], ['POST', '/api/sync/push'], ['DELETE', '/api/session']] as const) {
      const answer = await call(server.url, method, path, token === undefined ? {} : { token });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body).toMatchObject({ code: PROBLEMS.unauthenticated.code });
    }
  });

  it('refuses a live token with anything before or after it in the header', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    for (const authorization of [`Bearer ${session.token} extra`, `Bearer ${session.token}.`, `xBearer ${session.token}`, `Basic Bearer ${session.token}`]) {
      const answer = await call(server.url, 'GET', '/api/session', { headers: { authorization } });
      expect(answer.status, JSON.stringify(authorization)).toBe(401);
    }
    expect((await call(server.url, 'GET', '/api/session', { headers: { authorization: `Bearer ${session.token}` } })).status).toBe(200);
  });

  it('lets a user who must still replace a one-time password check the session and sign out, and nothing else', async () => {
    const fresh = await makeCenter(handle, 'one-time');
    await handle.db.updateTable('users').set({ must_change_password: 1 }).where('email', '=', fresh.advisor.email).execute();
    const session = await signIn(server.url, fresh.advisor.email, fresh.advisor.password);
    const checked = await call(server.url, 'GET', '/api/session', { token: session.token });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ user: { email: fresh.advisor.email, mustChangePassword: true } });
    const students = await call(server.url, 'GET', '/api/students', { token: session.token });
    expect(students.status).toBe(403);
    expect(students.body).toEqual({ code: PROBLEMS.passwordChangeRequired.code, message: PROBLEMS.passwordChangeRequired.message });
    expect((await call(server.url, 'DELETE', '/api/session', { token: session.token })).status).toBe(204);
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(401);
  });

  it('refuses a token after sign-out (DELETE /api/session revokes it)', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    expect((await call(server.url, 'DELETE', '/api/session', { token: session.token })).status).toBe(204);
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(401);
  });

  it('revokes one device and leaves the advisor signed in on another', async () => {
    const tablet = await signIn(server.url, center.advisor.email, center.advisor.password);
    const laptop = await signIn(server.url, center.advisor.email, center.advisor.password);
    await call(server.url, 'DELETE', '/api/session', { token: tablet.token });
    expect((await call(server.url, 'GET', '/api/session', { token: laptop.token })).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    await handle.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashToken(session.token)).execute();
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(401);
  });

  it('refuses the token of a disabled user', async () => {
    const other = await makeCenter(handle, 'disabled');
    const session = await signIn(server.url, other.advisor.email, other.advisor.password);
    await handle.db.updateTable('users').set({ disabled: 1 }).where('email', '=', other.advisor.email).execute();
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(401);
  });

  it('rate-limits sign-in per account: after 10 attempts even the right password waits', async () => {
    const target = await makeCenter(handle, 'limited');
    for (let i = 0; i < 10; i++) {
      const answer = await call(server.url, 'POST', '/api/session', { body: { email: target.advisor.email, password: `guess number ${i}`, deviceId: uuidv7() } });
      expect(answer.status).toBe(401);
    }
    const answer = await call(server.url, 'POST', '/api/session', { body: { email: target.advisor.email, password: target.advisor.password, deviceId: uuidv7() } });
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({ code: PROBLEMS.tooManyRequests.code });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are not locked out by it.
    expect((await call(server.url, 'POST', '/api/session', { body: { email: center.advisor.email, password: center.advisor.password, deviceId: uuidv7() } })).status).toBe(200);
  });
});
