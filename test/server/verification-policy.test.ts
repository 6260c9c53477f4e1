/**
 * The center's setting for verification by a second keyer, over real HTTP on
 * each database: the administrator sets it (audited), the tablet pulls it, and
 * where it is required the push refuses a sheet typed once, while records from
 * before, and edits that re-key no verified field, stay valid.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyResponseSchema } from '../../src/shared/admin-protocol';
import { PROBLEMS } from '../../src/shared/problems';
import { pullResponseSchema, pushResponseSchema, type Mutation } from '../../src/shared/protocol';
import { centerVerificationSchema } from '../../src/shared/verification-policy';
import { createUser } from '../../src/server/accounts';
import { migrate } from '../../src/server/db/migrations';
import { centerVerification } from '../../src/server/queries/centers';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { DATABASES } from './helpers/databases';
import { mutation, PASSWORD, randomSsid, verification } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('the center’s verification setting on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);
  let admin: { token: string };
  let tablet: { token: string; deviceId: string; userId: string };
  let secondId: string;
  let nextId = 0;

  beforeAll(async () => {
    secondId = await createUser(handle.db, { email: `second-${center.centerId}@example.org`, name: 'Bea Second', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    admin = await signIn(server.url, center.admin.email, center.admin.password);
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    tablet = { token: session.token, deviceId: session.deviceId, userId: session.user.id };
  });

  async function setPolicy(policy: string) {
    return call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { policy } });
  }
  async function push(...mutations: Mutation[]) {
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations } });
    return pushResponseSchema.parse(answer.body).results;
  }
  const sheet = (overrides: Partial<Mutation> = {}) => mutation(++nextId, center.schoolIds[0]!, overrides);

  it('starts off, as every center did before, and the tablet pulls it', async () => {
    const answer = await call(server.url, 'GET', '/api/admin/verification', { token: admin.token });
    expect(centerVerificationSchema.parse(answer.body)).toEqual({ policy: 'off', requiredSince: null, fields: [] });
    const pulled = pullResponseSchema.parse((await call(server.url, 'GET', '/api/sync/pull', { token: tablet.token })).body);
    expect(pulled.center.verification).toEqual({ policy: 'off', requiredSince: null, fields: [] });
  });

  it('takes a sheet typed once where verification is on by default only', async () => {
    expect((await setPolicy('default')).body).toEqual({ policy: 'default', requiredSince: null, fields: [] });
    expect((await push(sheet()))[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a value it does not know, and leaves the setting as it was', async () => {
    const answer = await setPolicy('sometimes');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: PROBLEMS.invalidBody.code });
    expect(await centerVerification(handle.db, center.centerId)).toMatchObject({ policy: 'default' });
  });

  it('where required: refuses a new sheet typed once, stores nothing of it, and takes it verified', async () => {
    const before = sheet({ confirmedAt: new Date(Date.now() - 60_000).toISOString() });
    const set = centerVerificationSchema.parse((await setPolicy('required')).body);
    expect(set.policy).toBe('required');
    const pulled = pullResponseSchema.parse((await call(server.url, 'GET', '/api/sync/pull', { token: tablet.token })).body);
    expect(pulled.center.verification).toEqual(set);

    const typedOnce = sheet();
    const [refused] = await push(typedOnce);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'verification_required' } });
    expect(await findEnrollment(handle.db, typedOnce.recordId)).toBeUndefined();

    const verified = { ...typedOnce, mutationId: ++nextId, version: 2, verification: verification(typedOnce.application, tablet.userId, secondId) };
    expect((await push(verified))[0]).toMatchObject({ status: 'applied' });
    // A sheet confirmed offline before the center required verification is taken, typed once.
    expect((await push({ ...before, mutationId: ++nextId }))[0]).toMatchObject({ status: 'applied' });
    expect(await findEnrollment(handle.db, before.recordId)).toMatchObject({ verification: null });
  });

  it('where required: keeps a record from before valid through an edit of its grade, and refuses a new SSID typed once', async () => {
    await setPolicy('off');
    const old = sheet();
    expect((await push(old))[0]).toMatchObject({ status: 'applied' });
    await setPolicy('required');
    const regraded = { ...old, mutationId: ++nextId, version: 2, baseServerVersion: 1, confirmedAt: new Date().toISOString(), application: { ...old.application, grade: '10' as const } };
    expect((await push(regraded))[0]).toMatchObject({ status: 'applied' });
    const renumbered = { ...regraded, mutationId: ++nextId, version: 3, baseServerVersion: 2, application: { ...regraded.application, ssid: randomSsid() } };
    expect((await push(renumbered))[0]).toMatchObject({ status: 'rejected', reason: { code: 'verification_required' } });
    expect(await findEnrollment(handle.db, old.recordId)).toMatchObject({ version: 2 });
    // Two versions in one push: the second is judged against the first as written.
    const twice = sheet({ verification: undefined });
    const first = { ...twice, verification: verification(twice.application, tablet.userId, secondId) };
    const then = { ...twice, mutationId: ++nextId, version: 2, baseServerVersion: 1, application: { ...twice.application, grade: '11' as const } };
    expect((await push(first, then)).map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('keeps the moment it was first required when set again, and writes each change in the center’s history', async () => {
    const now = await centerVerification(handle.db, center.centerId);
    expect((await setPolicy('required')).body).toEqual(now);
    const history = historyResponseSchema.parse((await call(server.url, 'GET', '/api/admin/history', { token: admin.token })).body);
    const set = history.entries.filter((e) => e.action === 'verification_policy_set').map((e) => e.subject);
    expect(set).toEqual([
      'Verification: required for every sheet', 'Verification: only batches that ask for it',
      'Verification: required for every sheet', 'Verification: on for new batches',
    ]);
  });

  it('adds fields to the required four in the paper’s order, audited, pulled by the tablet, and refuses a field it does not offer', async () => {
    const before = await centerVerification(handle.db, center.centerId);
    const set = await call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { fields: ['guardianName', 'phone', 'phone'] } });
    expect(set.body).toEqual({ ...before, fields: ['phone', 'guardianName'] });
    const pulled = pullResponseSchema.parse((await call(server.url, 'GET', '/api/sync/pull', { token: tablet.token })).body);
    expect(pulled.center.verification.fields).toEqual(['phone', 'guardianName']);
    const history = historyResponseSchema.parse((await call(server.url, 'GET', '/api/admin/history', { token: admin.token })).body);
    expect(history.entries.filter((e) => e.action === 'verification_fields_set').map((e) => e.subject))
      .toEqual(['Verified fields: CA SSID, First name, Last name, Date of birth, Phone, Parent/guardian name']);

    for (const fields of [['grade'], ['ssid'], 'phone']) {
      const refused = await call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { fields } });
      expect(refused.status).toBe(400);
    }
    expect(await centerVerification(handle.db, center.centerId)).toEqual({ ...before, fields: ['phone', 'guardianName'] });
    await call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { fields: [] } });
    expect((await centerVerification(handle.db, center.centerId)).fields).toEqual([]);
  });

  it('where required: refuses an edit of a field the center added, typed once, as it does an edit of the four', async () => {
    await setPolicy('required');
    await call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { fields: ['schoolStudentId'] } });
    const typed = sheet();
    const application = { ...typed.application, schoolStudentId: 'LA4471X2' };
    expect((await push({ ...typed, application, verification: verification(application, tablet.userId, secondId) }))[0]).toMatchObject({ status: 'applied' });
    const edit = (version: number, changes: Partial<Mutation['application']>) => ({
      ...typed, mutationId: ++nextId, version, baseServerVersion: version - 1, confirmedAt: new Date().toISOString(), application: { ...application, ...changes },
    });
    expect((await push(edit(2, { schoolStudentId: 'LA4417X2' })))[0]).toMatchObject({ status: 'rejected', reason: { code: 'verification_required' } });
    expect((await push(edit(2, { guardianEmail: 'parent@example.org' })))[0]).toMatchObject({ status: 'applied' });
    await call(server.url, 'POST', '/api/admin/verification', { token: admin.token, body: { fields: [] } });
    expect((await push(edit(3, { schoolStudentId: 'LA4417X2' })))[0]).toMatchObject({ status: 'applied' });
  });

  it('verifies the four at a center from before the added fields', async () => {
    await sql`alter table centers drop column verification_fields`.execute(handle.db);
    await handle.db.deleteFrom('schema_migrations').where('name', '=', '012_verified_fields').execute();
    expect(await migrate(handle)).toEqual(['012_verified_fields']);
    expect((await centerVerification(handle.db, center.centerId)).fields).toEqual([]);
  });

  it('reads a stored list of fields that does not parse as none, the rest of the setting kept', async () => {
    const before = await centerVerification(handle.db, center.centerId);
    await handle.db.updateTable('centers').set({ verification_fields: '["phone", ' }).where('id', '=', center.centerId).execute();
    expect(await centerVerification(handle.db, center.centerId)).toEqual({ ...before, fields: [] });
  });

  it('applies to a database from before: every center starts off', async () => {
    await sql`alter table centers drop column verification_policy`.execute(handle.db);
    await sql`alter table centers drop column verification_required_since`.execute(handle.db);
    await handle.db.deleteFrom('schema_migrations').where('name', '=', '008_center_verification').execute();
    expect(await migrate(handle)).toEqual(['008_center_verification']);
    expect(await centerVerification(handle.db, center.centerId)).toEqual({ policy: 'off', requiredSince: null, fields: [] });
  });
});
