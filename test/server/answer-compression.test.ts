/** Gzipped API answers over real HTTP: only for clients that ask, only when worth it, always readable. */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/protocol';
import { acceptsGzip } from '../../src/server/http/gzip-answers';
import { DATABASES } from './helpers/databases';
import { mutation } from './helpers/fixtures';
import { call, rawGet, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('answer compression on $name', (database) => {
  const { server, center } = useServerSuite(database, { server: { serverSecret: 'test secret' } });
  let token: string;
  let deviceId: string;

  beforeAll(async () => {
    ({ token, deviceId } = await signIn(server.url, center.advisor.email, center.advisor.password));
    const mutations = Array.from({ length: 40 }, (_, i) => mutation(i + 1, center.schoolIds[0]!));
    const pushed = await call(server.url, 'POST', '/api/sync/push', { token, body: { deviceId, mutations } });
    expect(pushed.status).toBe(200);
  });

  const auth = () => ({ authorization: `Bearer ${token}` });

  it('gzips a large answer for a client that accepts gzip, and it reads back as the same JSON', async () => {
    const plain = await rawGet(server.url, '/api/sync/pull', auth());
    const zipped = await rawGet(server.url, '/api/sync/pull', { ...auth(), 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    const unzipped = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as unknown;
    expect(pullResponseSchema.parse(unzipped).roster).toHaveLength(40);
    expect(unzipped).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['gzip refused with q=0', { 'accept-encoding': 'gzip;q=0, identity' }],
    ['only another encoding', { 'accept-encoding': 'br' }],
  ])('sends plain JSON to a client with %s', async (_, headers: Record<string, string>) => {
    const answer = await rawGet(server.url, '/api/sync/pull', { ...auth(), ...headers });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(pullResponseSchema.parse(JSON.parse(answer.body.toString('utf8'))).roster).toHaveLength(40);
  });

  it('sends a small answer (the session check) uncompressed even when gzip is accepted', async () => {
    const answer = await rawGet(server.url, '/api/session', { ...auth(), 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString('utf8'))).toHaveProperty('user');
  });

  it('gives fetch, as the sync client uses it, a compressed push answer it parses as usual', async () => {
    const mutations = Array.from({ length: 30 }, (_, i) => mutation(100 + i, center.schoolIds[0]!));
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ deviceId, mutations }),
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const answer = pushResponseSchema.parse(await response.json());
    expect(answer.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  });
});

describe('Accept-Encoding reading', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['GZIP', true],
    ['deflate, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
  ])('%j accepts gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
