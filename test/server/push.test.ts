/** POST /api/sync/push over real HTTP, on each database. */
import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { uuidv7 } from '../../src/shared/ids';
import { PROBLEMS } from '../../src/shared/problems';
import { MAX_MUTATION_ID_LEAD, pushResponseSchema, type Mutation, type PushResponse } from '../../src/shared/protocol';
import { auditOf } from '../../src/server/queries/audit-log';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { createUser } from '../../src/server/accounts';
import { DISCLOSURE_ACTION } from '../../src/server/students/ssid-disclosure';
import { DATABASES } from './helpers/databases';
import { application, makeCenter, mutation, PASSWORD, randomSsid, type CenterFixture } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('push on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);
  let other: CenterFixture;

  beforeAll(async () => {
    other = await makeCenter(handle, 'other');
  });

  /** A signed-in device with a push function. */
  async function device(who: CenterFixture = center) {
    const session = await signIn(server.url, who.advisor.email, who.advisor.password);
    return {
      ...session,
      push: async (mutations: unknown[], options: { gzip?: boolean } = {}) => {
        const answer = await call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations }, ...options });
        if (answer.status !== 200) throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
        return pushResponseSchema.parse(answer.body);
      },
    };
  }

  const school = () => center.schoolIds[0]!;

  it('applies new records and answers one result per mutation', async () => {
    const tablet = await device();
    const batch = [mutation(1, school()), mutation(2, school())];
    const response = await tablet.push(batch);
    expect(response.lastAppliedMutationId).toBe(2);
    expect(response.results).toEqual(batch.map((m) => ({ mutationId: m.mutationId, recordId: m.recordId, status: 'applied', serverVersion: 1 })));
    const stored = await findEnrollment(handle.db, batch[0]!.recordId);
    expect(stored).toMatchObject({ center_id: center.centerId, student_id: batch[0]!.studentId, status: 'submitted', paf_status: 'signed', version: 1 });
    expect(JSON.parse(stored!.application)).toEqual(batch[0]!.application);
  });

  it('answers a retried batch with duplicates and changes nothing', async () => {
    const tablet = await device();
    const batch = [mutation(1, school()), mutation(2, school())];
    await tablet.push(batch);
    const again = await tablet.push(batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.lastAppliedMutationId).toBe(2);
    expect((await findEnrollment(handle.db, batch[0]!.recordId))?.version).toBe(1);
  });

  it('answers the first mutation of a batch that starts at the last applied id as a duplicate and applies only the rest', async () => {
    // The answer to [1, 2] was lost; the tablet's next batch starts at 2, the id the server last applied.
    const tablet = await device();
    const [one, two, three] = [mutation(1, school()), mutation(2, school()), mutation(3, school())];
    await tablet.push([one, two]);
    const next = await tablet.push([two, three]);
    expect(next.results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
    expect(next.lastAppliedMutationId).toBe(3);
    expect(await findEnrollment(handle.db, two.recordId)).toMatchObject({ version: 1 });
    expect(await findStudent(handle.db, two.studentId)).toMatchObject({ version: 1 });
    expect(await auditOf(handle.db, 'student', two.studentId)).toHaveLength(1);
  });

  it('answers a mutation that names no record, rejected or sent again, with an empty record id', async () => {
    const tablet = await device();
    const nameless = { mutationId: 1, kind: 'application' };
    const first = await tablet.push([nameless]);
    expect(first.results).toEqual([expect.objectContaining({ mutationId: 1, recordId: '', status: 'rejected' })]);
    const again = await tablet.push([nameless]);
    expect(again.results).toEqual([{ mutationId: 1, recordId: '', status: 'duplicate' }]);
  });

  it('rejects an invalid record with field reasons and applies the rest', async () => {
    const tablet = await device();
    const bad = mutation(1, school(), { application: application(school(), { ssid: '12345', dateOfBirth: '2011-02-30' }) });
    const good = mutation(2, school());
    const response = await tablet.push([bad, good]);
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid' } });
    const fields = response.results[0]!.status === 'rejected' ? response.results[0]!.reason.fields?.map((f) => f.field).sort() : [];
    expect(fields).toEqual(['dateOfBirth', 'ssid']);
    expect(response.results[1]).toMatchObject({ status: 'applied' });
    expect(response.lastAppliedMutationId).toBe(2);
    expect(await findEnrollment(handle.db, bad.recordId)).toBeUndefined();
  });

  it('rejects a record for a school of another center', async () => {
    const tablet = await device();
    const m = mutation(1, other.schoolIds[0]!);
    const [result] = (await tablet.push([m])).results;
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'unknown_school', fields: [{ field: 'schoolId' }] } });
    expect(await findStudent(handle.db, m.studentId)).toBeUndefined();
  });

  it('never writes to another center’s student or enrollment', async () => {
    const theirs = mutation(1, other.schoolIds[0]!);
    await (await device(other)).push([theirs]);
    const tablet = await device();
    const overStudent = mutation(1, school(), { studentId: theirs.studentId });
    const overRecord = mutation(2, school(), { recordId: theirs.recordId, baseServerVersion: 1 });
    const response = await tablet.push([overStudent, overRecord]);
    expect(response.results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual(['forbidden', 'forbidden']);
    expect((await findStudent(handle.db, theirs.studentId))?.center_id).toBe(other.centerId);
    expect((await findEnrollment(handle.db, theirs.recordId))?.version).toBe(1);
  });

  it('answers an SSID that belongs to another student with an ssid_taken conflict', async () => {
    const tablet = await device();
    const first = mutation(1, school());
    const second = mutation(2, school(), { application: application(school(), { ssid: first.application.ssid, firstName: 'Other' }) });
    const response = await tablet.push([first, second]);
    expect(response.results[1]).toMatchObject({ status: 'conflict', reason: { code: 'ssid_taken' } });
    expect(await findStudent(handle.db, second.studentId)).toBeUndefined();
    expect(response.lastAppliedMutationId).toBe(2);
  });

  it('stores a conflicting record sent to review as needs_review, without giving the student the SSID', async () => {
    const tablet = await device();
    const first = mutation(1, school());
    await tablet.push([first]);
    const disputed = mutation(2, school(), { application: application(school(), { ssid: first.application.ssid, firstName: 'Other' }), sendToReview: true });
    const [result] = (await tablet.push([disputed])).results;
    expect(result).toMatchObject({ status: 'applied', serverVersion: 1 });
    expect((await findEnrollment(handle.db, disputed.recordId))?.status).toBe('needs_review');
    expect((await findStudent(handle.db, disputed.studentId))?.ssid).toBeNull();
    expect((await findStudent(handle.db, first.studentId))?.ssid).toBe(first.application.ssid);
  });

  it('answers an edit made from an old server version on another device with stale_version', async () => {
    const tablet = await device();
    const original = mutation(1, school());
    await tablet.push([original]);
    const otherTablet = await device();
    await otherTablet.push([{ ...original, mutationId: 1, version: 2, baseServerVersion: 1 }]);
    const [result] = (await tablet.push([{ ...original, mutationId: 2, version: 2, baseServerVersion: 1 }])).results;
    expect(result).toMatchObject({ status: 'conflict', reason: { code: 'stale_version' }, serverVersion: 2 });
  });

  it('applies a device’s edit of its own write even when it never saw the response', async () => {
    const tablet = await device();
    const original = mutation(1, school());
    await tablet.push([original]);
    // The first response was lost: the tablet still thinks the server never saw the record.
    const edit = { ...original, mutationId: 2, version: 2, baseServerVersion: null, application: { ...original.application, grade: '9' as const } };
    const [result] = (await tablet.push([edit])).results;
    expect(result).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect((await findStudent(handle.db, original.studentId))?.grade).toBe('9');
  });

  it('writes an SSID change to the audit log with the user who made it', async () => {
    const tablet = await device();
    const original = mutation(1, school());
    await tablet.push([original]);
    const corrected = randomSsid();
    await tablet.push([{ ...original, mutationId: 2, version: 2, baseServerVersion: 1, application: { ...original.application, ssid: corrected } }]);
    const entries = (await auditOf(handle.db, 'student', original.studentId)).filter((e) => e.action === 'ssid_changed');
    expect(entries.map((e) => [e.old_value, e.new_value, e.user_id])).toEqual([
      [null, original.application.ssid, tablet.user.id],
      [original.application.ssid, corrected, tablet.user.id],
    ]);
  });

  it('keeps a known SSID when a later application leaves it blank', async () => {
    const tablet = await device();
    const original = mutation(1, school());
    await tablet.push([original]);
    await tablet.push([{ ...original, mutationId: 2, version: 2, baseServerVersion: 1, application: { ...original.application, ssid: '' } }]);
    expect((await findStudent(handle.db, original.studentId))?.ssid).toBe(original.application.ssid);
  });

  it('accepts a gzip-compressed body', async () => {
    const tablet = await device();
    const batch = Array.from({ length: 50 }, (_, i) => mutation(i + 1, school()));
    const response = await tablet.push(batch, { gzip: true });
    expect(response.results.every((r) => r.status === 'applied')).toBe(true);
  });

  it('answers a zip bomb with 413 and stores nothing', async () => {
    const tablet = await device();
    const m = mutation(1, school(), { application: application(school(), { homeLanguage: 'x'.repeat(50) }) });
    // 20 MB of spaces inside valid JSON compresses to about 20 KB.
    const json = `{"deviceId":"${tablet.deviceId}","mutations":[${JSON.stringify(m)}]${' '.repeat(20 * 1024 * 1024)}}`;
    const bomb = gzipSync(json);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, rawBody: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: PROBLEMS.tooLarge.code });
    expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
  });

  it('answers a 1.5 GB bomb sent as concatenated gzip members with 413', async () => {
    const tablet = await device();
    // Gzip members can be concatenated: 150 members of 10 MB of spaces each is
    // about 1.5 GB inflated from about 1.5 MB sent, most of it still in flight at the limit.
    const member = gzipSync(Buffer.alloc(10 * 1024 * 1024, ' '));
    const bomb = Buffer.concat([gzipSync(`{"deviceId":"${tablet.deviceId}","mutations":[`), ...Array.from({ length: 150 }, () => member)]);
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, rawBody: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(answer.status).toBe(413);
  });

  it('answers a plain body over the limit with 413', async () => {
    const tablet = await device();
    const answer = await call(server.url, 'POST', '/api/sync/push', {
      token: tablet.token, rawBody: `{"deviceId":"${tablet.deviceId}","mutations":[],"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`, headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
  });

  it.each([
    ['broken gzip', { rawBody: Buffer.from('not gzip at all'), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }, 400],
    ['an unknown encoding', { rawBody: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'br' } }, 415],
    ['malformed JSON', { rawBody: '{"deviceId":', headers: { 'content-type': 'application/json' } }, 400],
  ])('answers %s with a clear 4xx problem', async (_label, options, status) => {
    const tablet = await device();
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, ...options });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code: expect.any(Number), message: expect.any(String) });
  });

  it('refuses a push for a device the token was not issued to', async () => {
    const tablet = await device();
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: uuidv7(), mutations: [mutation(1, school())] } });
    expect(answer.status).toBe(403);
  });

  it('refuses a push for another of the advisor’s own tablets with the token of this one, and keeps that tablet’s queue where it was', async () => {
    const first = await device();
    await first.push([mutation(1, school())]);
    const second = await device();
    const m = mutation(2, school());
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: second.token, body: { deviceId: first.deviceId, mutations: [m] } });
    expect(answer.status).toBe(403);
    expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
    expect((await first.push([mutation(2, school())])).results.map((r) => r.status)).toEqual(['applied']);
  });

  it('refuses a batch whose mutation ids do not increase', async () => {
    const tablet = await device();
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations: [mutation(2, school()), mutation(1, school())] } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: PROBLEMS.invalidBody.code });
  });

  it.each([
    ['one id sent twice', [1, 1], 'mutations.1.mutationId', 'Mutation ids must increase within a push.'],
    ['an id lower than the one before', [1, 3, 2], 'mutations.2.mutationId', 'Mutation ids must increase within a push.'],
    ['a mutation without a whole-number id', [1, 2.5], 'mutations.1.mutationId', 'Each mutation needs a positive whole-number mutationId.'],
  ])('refuses a push with %s, names the mutation at fault and stores nothing of it', async (_label, ids, field, message) => {
    const tablet = await device();
    const batch = ids.map((id) => mutation(id, school()));
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations: batch } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: PROBLEMS.invalidBody.code, message: PROBLEMS.invalidBody.message, details: [{ field, message }] });
    for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
  });

  it('refuses a push whose mutation id jumps far past the last applied one, and keeps the queue where it was', async () => {
    const tablet = await device();
    await tablet.push([mutation(1, school())]);
    const far = mutation(2 + MAX_MUTATION_ID_LEAD, school());
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations: [far] } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: PROBLEMS.invalidBody.code });
    expect(await findEnrollment(handle.db, far.recordId)).toBeUndefined();
    // The next id is still taken as new, and so is one at the edge of the allowed lead.
    const next = await tablet.push([mutation(2, school()), mutation(1 + MAX_MUTATION_ID_LEAD, school())]);
    expect(next.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(answer.body).toEqual({
      code: PROBLEMS.invalidBody.code,
      message: PROBLEMS.invalidBody.message,
      details: [{ field: 'mutations.0.mutationId', message: `A mutation id may be at most ${MAX_MUTATION_ID_LEAD} past the last one applied.` }],
    });
  });

  it('takes the first push of a second advisor on a shared tablet from where the tablet’s ids already are', async () => {
    // The tablet numbers its mutations once for everyone who signs in on it.
    const first = await device();
    await first.push([mutation(MAX_MUTATION_ID_LEAD, school())]);
    const email = `second-${uuidv7()}@example.org`;
    await createUser(handle.db, { email, name: 'Second Advisor', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    const second = await signIn(server.url, email, PASSWORD, first.deviceId);
    const next = mutation(MAX_MUTATION_ID_LEAD + 1, school());
    const answer = await call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: second.token, body: { deviceId: first.deviceId, mutations: [next] } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ lastAppliedMutationId: next.mutationId, results: [{ mutationId: next.mutationId, recordId: next.recordId, status: 'applied', serverVersion: 1 }] });
    expect(await findEnrollment(handle.db, next.recordId)).toMatchObject({ center_id: center.centerId });
  });

  it('lets a second advisor on a shared tablet reach exactly the lead past the tablet’s ids, and no further', async () => {
    const first = await device();
    await first.push([mutation(MAX_MUTATION_ID_LEAD, school())]);
    const email = `edge-${uuidv7()}@example.org`;
    await createUser(handle.db, { email, name: 'Edge Advisor', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    const second = await signIn(server.url, email, PASSWORD, first.deviceId);
    const pushAsSecond = (m: Mutation) => call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: second.token, body: { deviceId: first.deviceId, mutations: [m] } });
    expect((await pushAsSecond(mutation(2 * MAX_MUTATION_ID_LEAD + 1, school()))).status).toBe(400);
    const edge = await pushAsSecond(mutation(2 * MAX_MUTATION_ID_LEAD, school()));
    expect(edge.status).toBe(200);
    expect(edge.body).toMatchObject({ lastAppliedMutationId: 2 * MAX_MUTATION_ID_LEAD, results: [{ status: 'applied' }] });
  });

  it('audits an ssid_taken answer that says another center’s student holds the SSID', async () => {
    const held = mutation(1, other.schoolIds[0]!);
    await (await device(other)).push([held]);
    const tablet = await device();
    const probe = mutation(1, school(), { application: application(school(), { ssid: held.application.ssid }) });
    expect((await tablet.push([probe])).results).toMatchObject([{ status: 'conflict', reason: { code: 'ssid_taken' } }]);
    const audited = await handle.db.selectFrom('audit_log').select(['entity', 'entity_id'])
      .where('action', '=', DISCLOSURE_ACTION).where('user_id', '=', tablet.user.id).execute();
    expect(audited).toEqual([{ entity: 'student', entity_id: held.studentId }]);
  });

  it('applies a batch sent twice at once exactly once', async () => {
    const tablet = await device();
    const batch: Mutation[] = Array.from({ length: 20 }, (_, i) => mutation(i + 1, school()));
    const [a, b] = await Promise.all([tablet.push(batch), tablet.push(batch)]);
    const statuses = [...a.results, ...b.results].map((r) => r.status);
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(20);
  });
});
