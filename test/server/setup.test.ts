/**
 * The first set-up without the command line (issue 13, item 5): on an empty
 * database the first center and administrator are created once, and only with
 * the setup code the server printed at start.
 */
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/shared/problems';
import { issueSetupCode } from '../../src/server/admin/setup';
import { DATABASES } from './helpers/databases';
import { makeCenter } from './helpers/fixtures';
import { call, signIn, startServer } from './helpers/http';
import { useServer } from './helpers/server-suite';

const FIRST = { centerName: 'Bay Area MESA', name: 'Lee Chen', email: 'lee@example.org', password: 'a long enough password' };

describe.each(DATABASES)('first set-up on $name', (database) => {
  const { handle, server } = useServer(database);

  it('creates the first center and administrator once, only with the latest printed code', async () => {
    expect((await call(server.url, 'GET', '/api/setup')).body).toEqual({ needed: true });
    const stale = (await issueSetupCode(handle.db))!;
    const code = (await issueSetupCode(handle.db))!;
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    for (const setupCode of ['', 'aaaa-bbbb-cccc', stale]) {
      const refused = await call(server.url, 'POST', '/api/setup', { body: { ...FIRST, setupCode } });
      expect(refused.status).toBe(400);
    }
    expect((await call(server.url, 'POST', '/api/setup', { body: { ...FIRST, setupCode: 'aaaa-bbbb-cccc' } })).body).toMatchObject({ code: PROBLEMS.badSetupCode.code });

    expect((await call(server.url, 'POST', '/api/setup', { body: { ...FIRST, setupCode: ` ${code.toUpperCase()} ` } })).status).toBe(201);
    const admin = await signIn(server.url, FIRST.email, FIRST.password);
    expect(admin.user).toMatchObject({ role: 'center_admin', name: 'Lee Chen', mustChangePassword: false });
    const history = await call<{ entries: { action: string; by: string }[] }>(server.url, 'GET', '/api/admin/history', { token: admin.token });
    expect(history.body.entries).toEqual([expect.objectContaining({ action: 'center_created', by: 'Lee Chen', subject: 'Bay Area MESA' })]);

    expect((await call(server.url, 'GET', '/api/setup')).body).toEqual({ needed: false });
    const again = await call(server.url, 'POST', '/api/setup', { body: { ...FIRST, email: 'thief@example.org', setupCode: code } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: PROBLEMS.setupDone.code });
    expect(await issueSetupCode(handle.db)).toBeUndefined();
  });

  it('is not offered on a server that already has users', async () => {
    const other = await database.open();
    const running = await startServer(other);
    try {
      await makeCenter(other);
      expect(await issueSetupCode(other.db)).toBeUndefined();
      expect((await call(running.url, 'GET', '/api/setup')).body).toEqual({ needed: false });
      const refused = await call(running.url, 'POST', '/api/setup', { body: { ...FIRST, setupCode: 'aaaa-bbbb-cccc' } });
      expect(refused.body).toMatchObject({ code: PROBLEMS.setupDone.code });
    } finally {
      await running.close();
      await other.close();
    }
  });
});
