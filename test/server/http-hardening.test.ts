/** Headers, static files and logs: what every response and log line must (not) contain. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/server/http/security-headers';
import { DATABASES } from './helpers/databases';
import { mutation } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useDistDir, useServer, useServerSuite } from './helpers/server-suite';

const [sqlite] = DATABASES;

describe('HTTP hardening', () => {
  const dist = useDistDir({
    'index.html': '<!doctype html><title>MESA</title><script type="module" src="/assets/app-3f9a1c.js"></script>',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'assets/app-3f9a1c.js': 'console.log("app");',
    'assets/app-3f9a1c.js.map': '{"version":3,"sources":["src/app/main.ts"]}',
    'sw.js.map': '{"version":3,"sources":["src/app/sw.ts"]}',
  });
  const { server, center } = useServerSuite(sqlite!, { server: { distDir: dist.dir } });

  it.each(['/', '/sw.js', '/assets/app-3f9a1c.js', '/batches/123', '/api/session', '/api/nothing-here', '/missing.png'])(
    'sends the strict CSP and security headers on %s',
    async (url) => {
      const answer = await call(server.url, 'GET', url);
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it.each([
    ['/', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/assets/app-3f9a1c.js', 'public, max-age=31536000, immutable'],
  ])('caches %s as %s', async (url, cacheControl) => {
    const answer = await call(server.url, 'GET', url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe(cacheControl);
  });

  it('answers an app route with index.html, revalidated each time', async () => {
    const answer = await call<string>(server.url, 'GET', '/batches/0190a0a0/entry');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>MESA</title>');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps unknown /api paths and missing files as 404s, the API ones as JSON problems', async () => {
    const api = await call(server.url, 'GET', '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ code: 404.1 });
    expect((await call(server.url, 'GET', '/assets/gone-123.js')).status).toBe(404);
  });

  it.each(['/assets/app-3f9a1c.js.map', '/sw.js.map'])('does not serve the source map %s', async (url) => {
    const answer = await call<string>(server.url, 'GET', url);
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain('sources');
  });

  it.each(['/api/students/%E0%A4%A', '/api/students/%zz', '/%E0%A4%A', `/api/students/${'a'.repeat(101)}`])(
    'answers a URL it cannot read (%s) with a catalogue problem and the security headers',
    async (url) => {
      const answer = await call(server.url, 'GET', url);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(Object.keys(answer.body as object).sort()).toEqual(['code', 'message']);
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('marks API answers no-store', async () => {
    expect((await call(server.url, 'GET', '/api/session')).headers.get('cache-control')).toBe('no-store');
  });

  it('writes no SSID, name, date of birth or token to the log during a full sync', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const school = center.schoolIds[0]!;
    const good = mutation(1, school);
    const taken = mutation(2, school, { application: { ...mutation(0, school).application, ssid: good.application.ssid, firstName: 'Xiomara', lastName: 'Etcheverry', dateOfBirth: '2010-12-24' } });
    const invalid = mutation(3, school, { application: { ...good.application, ssid: '98765X4321' } });
    await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [good, taken, invalid] }, gzip: true });
    await call(server.url, 'GET', '/api/sync/pull', { token: session.token });
    await call(server.url, 'GET', `/api/students?q=${encodeURIComponent('Etcheverry')}`, { token: session.token });
    await call(server.url, 'GET', `/api/students?q=${good.application.ssid}`, { token: session.token });
    const log = server.logs.join('\n');
    expect(log).toContain('push');
    for (const secret of [good.application.ssid, '98765X4321', 'Xiomara', 'Etcheverry', good.application.lastName, '2010-12-24', good.application.dateOfBirth, session.token]) {
      expect(log, `log contains ${secret}`).not.toContain(secret);
    }
  });
});

describe('the first paint: inline style by hash, and the sign-in markup on "/" only', () => {
  const style = ':root{background:#f4f6f4}';
  const styleSource = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
  const dist = useDistDir({
    'index.html': `<!doctype html><title>MESA</title><style>${style}</style><div id="app"><main><input id="sign-in-email"></main></div>`,
    'shell.html': `<!doctype html><title>MESA</title><style>${style}</style><div id="app"></div>`,
  });
  const { server } = useServer(sqlite!, { server: { distDir: dist.dir } });

  it.each(['/', '/batches/123', '/api/session'])('allows the build\'s inline stylesheet by its hash, and no other inline style or script, on %s', async (url) => {
    const policy = (await call(server.url, 'GET', url)).headers.get('content-security-policy');
    expect(policy).toBe(contentSecurityPolicy([styleSource]));
    expect(policy).toContain(`style-src 'self' ${styleSource};`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('answers "/" with the sign-in markup of index.html', async () => {
    expect((await call<string>(server.url, 'GET', '/')).body).toContain('sign-in-email');
  });

  it.each(['/batches/0190a0a0/entry', '/re-enroll'])('answers the in-app path %s with the empty shell, never the sign-in form', async (url) => {
    const answer = await call<string>(server.url, 'GET', url);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<div id="app"></div>');
    expect(answer.body).not.toContain('sign-in-email');
  });
});
