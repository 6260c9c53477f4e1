/**
 * The center administrator's routes over real HTTP on each database (issue 13):
 * advisors with one-time passwords, the last administrator kept, schools with
 * checked CDS codes, tablets revoked at once, and the audited history.
 */
import { describe, expect, it } from 'vitest';
import type { Account, AdminSchool, HistoryEntry, OneTimePasswordResponse, Tablet } from '../../src/shared/admin-protocol';
import { PROBLEMS } from '../../src/shared/problems';
import { createUser } from '../../src/server/accounts';
import { findStudent } from '../../src/server/queries/students';
import { uuidv7 } from '../../src/shared/ids';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation, PASSWORD, randomCds } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

// Each test hashes several passwords with scrypt (sign-ins, one-time passwords): room for a loaded machine.
describe.each(DATABASES)('center administration on $name', { timeout: 60_000 }, (database) => {
  const { handle, server, center, session: admin } = useServerSuite(database, { center: 'admin', signIn: 'admin' });

  const asAdmin = <T>(method: string, path: string, body?: unknown) =>
    call<T>(server.url, method, path, body === undefined ? { token: admin.token } : { token: admin.token, body });
  const history = async () => (await asAdmin<{ entries: HistoryEntry[] }>('GET', '/api/admin/history')).body.entries;

  async function newAdvisor(email: string): Promise<OneTimePasswordResponse> {
    const answer = await asAdmin<OneTimePasswordResponse>('POST', '/api/admin/accounts', { email, name: 'Ana Ruiz', role: 'advisor' });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  it('creates an advisor whose one-time password opens nothing but the password change', async () => {
    const { account, oneTimePassword } = await newAdvisor('Ana.Ruiz@Example.org');
    expect(account).toMatchObject({ email: 'ana.ruiz@example.org', role: 'advisor', disabled: false, mustChangePassword: true });

    const first = await signIn(server.url, 'ana.ruiz@example.org', oneTimePassword);
    expect(first.user.mustChangePassword).toBe(true);
    const pull = await call(server.url, 'GET', '/api/sync/pull', { token: first.token });
    expect(pull.status).toBe(403);
    expect(pull.body).toMatchObject({ code: PROBLEMS.passwordChangeRequired.code });

    const wrong = await call(server.url, 'POST', '/api/session/password', { token: first.token, body: { currentPassword: 'not it at all', newPassword: 'my own password 1' } });
    expect(wrong.status).toBe(400);
    const same = await call(server.url, 'POST', '/api/session/password', { token: first.token, body: { currentPassword: oneTimePassword, newPassword: oneTimePassword } });
    expect(same.status).toBe(400);
    const changed = await call<{ user: { mustChangePassword: boolean } }>(server.url, 'POST', '/api/session/password', {
      token: first.token, body: { currentPassword: oneTimePassword, newPassword: 'my own password 1' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await call(server.url, 'GET', '/api/sync/pull', { token: first.token })).status).toBe(200);
    expect((await call(server.url, 'POST', '/api/session', { body: { email: 'ana.ruiz@example.org', password: oneTimePassword, deviceId: first.deviceId } })).status).toBe(401);
    await signIn(server.url, 'ana.ruiz@example.org', 'my own password 1');
  });

  it('refuses a second account with the same email, saying which field', async () => {
    await newAdvisor('twice@example.org');
    const again = await asAdmin('POST', '/api/admin/accounts', { email: 'twice@example.org', name: 'Other', role: 'advisor' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: PROBLEMS.alreadyExists.code, details: [{ field: 'email' }] });
  });

  it('disables an advisor (every session stops at once), re-enables and resets the password', async () => {
    const { account, oneTimePassword } = await newAdvisor('leaving@example.org');
    const session = await signIn(server.url, 'leaving@example.org', oneTimePassword);
    expect((await asAdmin<Account>('POST', `/api/admin/accounts/${account.id}/disable`)).body.disabled).toBe(true);
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(401);
    expect((await call(server.url, 'POST', '/api/session', { body: { email: 'leaving@example.org', password: oneTimePassword, deviceId: session.deviceId } })).status).toBe(401);

    expect((await asAdmin<Account>('POST', `/api/admin/accounts/${account.id}/enable`)).body.disabled).toBe(false);
    expect((await call(server.url, 'GET', '/api/session', { token: session.token })).status).toBe(200);

    const reset = await asAdmin<OneTimePasswordResponse>('POST', `/api/admin/accounts/${account.id}/reset-password`);
    expect(reset.body.oneTimePassword).not.toBe(oneTimePassword);
    expect((await signIn(server.url, 'leaving@example.org', reset.body.oneTimePassword)).user.mustChangePassword).toBe(true);

    const actions = (await history()).filter((e) => e.subject === 'leaving@example.org').map((e) => e.action);
    expect(actions).toEqual(['password_reset', 'account_enabled', 'account_disabled', 'account_created']);
  });

  it('never disables the center’s last active administrator, and tells why', async () => {
    const accounts = (await asAdmin<{ accounts: Account[] }>('GET', '/api/admin/accounts')).body.accounts;
    const me = accounts.find((a) => a.email === center.admin.email)!;
    const refused = await asAdmin('POST', `/api/admin/accounts/${me.id}/disable`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: PROBLEMS.lastAdmin.code });

    const second = (await asAdmin<OneTimePasswordResponse>('POST', '/api/admin/accounts', { email: 'deputy@example.org', name: 'Deputy', role: 'center_admin' })).body;
    expect((await asAdmin('POST', `/api/admin/accounts/${second.account.id}/disable`)).status).toBe(200);
    expect((await asAdmin('POST', `/api/admin/accounts/${me.id}/disable`)).status).toBe(409);
    expect((await asAdmin('POST', `/api/admin/accounts/${second.account.id}/enable`)).status).toBe(200);
    // With two active administrators, one may step down; then the other is the last.
    expect((await asAdmin('POST', `/api/admin/accounts/${second.account.id}/disable`)).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/session', { token: admin.token })).status).toBe(200);
  });

  it('adds a school with a CDS code written with dashes, and refuses a wrong or used one', async () => {
    const cds = randomCds();
    const dashed = `${cds.slice(0, 2)}-${cds.slice(2, 7)}-${cds.slice(7)}`;
    const added = await asAdmin<AdminSchool>('POST', '/api/admin/schools', { name: 'Fremont High', cdsCode: dashed, city: 'Oakland' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Fremont High', cdsCode: cds, retired: false });

    const short = await asAdmin('POST', '/api/admin/schools', { name: 'Short', cdsCode: '0161192013022' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ details: [{ field: 'cdsCode', message: 'A CDS code is 14 digits: county (2), district (5), school (7).' }] });
    const used = await asAdmin('POST', '/api/admin/schools', { name: 'Copy', cdsCode: cds });
    expect(used.status).toBe(409);
    expect(used.body).toMatchObject({ code: PROBLEMS.alreadyExists.code, details: [{ field: 'cdsCode' }] });
  });

  it('renames and retires a school: tablets pull both, and the retired school’s students stay', async () => {
    const advisor = await signIn(server.url, center.advisor.email, center.advisor.password);
    const schoolId = center.schoolIds[1]!;
    const m = mutation(1, schoolId);
    expect((await call(server.url, 'POST', '/api/sync/push', { token: advisor.token, body: { deviceId: advisor.deviceId, mutations: [m] } })).status).toBe(200);

    expect((await asAdmin<AdminSchool>('POST', `/api/admin/schools/${schoolId}/rename`, { name: 'South Campus' })).body.name).toBe('South Campus');
    expect((await asAdmin<AdminSchool>('POST', `/api/admin/schools/${schoolId}/retire`)).body.retired).toBe(true);

    const pulled = await call<{ schools: { id: string; name: string; deleted: boolean }[] }>(server.url, 'GET', '/api/sync/pull', { token: advisor.token });
    expect(pulled.body.schools.find((s) => s.id === schoolId)).toMatchObject({ name: 'South Campus', deleted: true });
    expect(await findStudent(handle.db, m.studentId)).toMatchObject({ school_id: schoolId, deleted: 0 });
    const listed = (await asAdmin<{ schools: AdminSchool[] }>('GET', '/api/admin/schools')).body.schools;
    expect(listed.find((s) => s.id === schoolId)).toMatchObject({ retired: true });
    expect((await history()).slice(0, 2).map((e) => e.action)).toEqual(['school_retired', 'school_renamed']);
  });

  it('lists every tablet that signed in, and revoking one ends all its sessions at once', async () => {
    const tablet = await signIn(server.url, center.advisor.email, center.advisor.password);
    const again = await signIn(server.url, center.advisor.email, center.advisor.password, tablet.deviceId);
    const other = await signIn(server.url, center.advisor.email, center.advisor.password);
    const m = mutation(1, center.schoolIds[0]!);
    expect((await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations: [m] } })).status).toBe(200);

    const listed = (await asAdmin<{ tablets: Tablet[] }>('GET', '/api/admin/tablets')).body.tablets;
    const row = listed.find((t) => t.deviceId === tablet.deviceId)!;
    expect(row).toMatchObject({ userEmail: center.advisor.email, signedIn: true, revokedAt: null });
    expect(row.lastPushAt).not.toBeNull();
    expect(listed.find((t) => t.deviceId === other.deviceId)?.lastPushAt).toBeNull();

    expect((await asAdmin<{ sessionsEnded: number }>('POST', `/api/admin/tablets/${tablet.deviceId}/revoke`)).body.sessionsEnded).toBe(2);
    for (const token of [tablet.token, again.token]) {
      const refused = await call(server.url, 'POST', '/api/sync/push', { token, body: { deviceId: tablet.deviceId, mutations: [mutation(2, center.schoolIds[0]!)] } });
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ code: PROBLEMS.deviceRevoked.code, message: PROBLEMS.deviceRevoked.message });
    }
    expect((await call(server.url, 'GET', '/api/session', { token: other.token })).status).toBe(200);
    const after = (await asAdmin<{ tablets: Tablet[] }>('GET', '/api/admin/tablets')).body.tablets.find((t) => t.deviceId === tablet.deviceId)!;
    expect(after.signedIn).toBe(false);
    expect(after.revokedAt).not.toBeNull();
    expect((await history())[0]).toMatchObject({ action: 'tablet_revoked', by: expect.stringContaining('Admin') });

    // Found again: the advisor signs in on it and carries on where the queue stopped.
    const back = await signIn(server.url, center.advisor.email, center.advisor.password, tablet.deviceId);
    const resumed = await call<{ lastAppliedMutationId: number }>(server.url, 'POST', '/api/sync/push', { token: back.token, body: { deviceId: tablet.deviceId, mutations: [mutation(2, center.schoolIds[0]!)] } });
    expect(resumed.body.lastAppliedMutationId).toBe(2);
  });

  it('lists a tablet shared by two advisors once, and revoking it touches only this center', async () => {
    const deviceId = uuidv7();
    const secondEmail = `second-${deviceId}@example.org`;
    await createUser(handle.db, { email: secondEmail, name: 'Second Advisor', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    const elsewhere = await makeCenter(handle, 'elsewhere');
    const elsewhereAdmin = await signIn(server.url, elsewhere.admin.email, elsewhere.admin.password);
    const tabletsOf = async (token: string) =>
      (await call<{ tablets: Tablet[] }>(server.url, 'GET', '/api/admin/tablets', { token })).body.tablets.filter((t) => t.deviceId === deviceId);

    await signIn(server.url, center.advisor.email, center.advisor.password, deviceId);
    const outsider = await signIn(server.url, elsewhere.advisor.email, elsewhere.advisor.password, deviceId);
    await signIn(server.url, secondEmail, PASSWORD, deviceId);

    const listed = await tabletsOf(admin.token);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ userEmail: secondEmail, signedIn: true, revokedAt: null });

    expect((await asAdmin<{ sessionsEnded: number }>('POST', `/api/admin/tablets/${deviceId}/revoke`)).body.sessionsEnded).toBe(2);
    expect(await tabletsOf(admin.token)).toMatchObject([{ signedIn: false, revokedAt: expect.any(String) }]);
    expect((await call(server.url, 'GET', '/api/session', { token: outsider.token })).status).toBe(200);
    expect(await tabletsOf(elsewhereAdmin.token)).toMatchObject([{ userEmail: elsewhere.advisor.email, signedIn: true, revokedAt: null }]);
  });
});
