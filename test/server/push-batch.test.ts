/**
 * A push applies its mutations set-based, yet each one must see the ones before
 * it in the same push exactly as if they had been sent one by one. Real HTTP, on each database.
 */
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type PushResponse, type SsidUpdateMutation } from '../../src/shared/protocol';
import { uuidv7 } from '../../src/shared/ids';
import { auditOf } from '../../src/server/queries/audit-log';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { DATABASES } from './helpers/databases';
import { application, mutation, randomSsid } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('one push, in order, on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { server: { serverSecret: 'test secret' } });

  async function device() {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    return {
      push: async (mutations: unknown[]) => {
        const answer = await call<PushResponse>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations } });
        expect(answer.status).toBe(200);
        return pushResponseSchema.parse(answer.body).results;
      },
      pull: async (checkpoint?: string) => {
        const query = checkpoint === undefined ? '' : `?checkpoint=${encodeURIComponent(checkpoint)}`;
        return pullResponseSchema.parse((await call(server.url, 'GET', `/api/sync/pull${query}`, { token: session.token })).body);
      },
    };
  }
  const school = () => center.schoolIds[0]!;

  it('lets a later mutation see an SSID taken, then released, earlier in the same push', async () => {
    const tablet = await device();
    const [x, y] = [randomSsid(), randomSsid()];
    const a = mutation(1, school(), { application: application(school(), { ssid: x }) });
    const takenX = mutation(2, school(), { application: application(school(), { ssid: x, firstName: 'Other' }) });
    const aMovesToY = { ...a, mutationId: 3, version: 2, application: { ...a.application, ssid: y } };
    const getsX = mutation(4, school(), { application: application(school(), { ssid: x, firstName: 'Third' }) });
    const takenY = mutation(5, school(), { application: application(school(), { ssid: y, firstName: 'Fourth' }) });

    const results = await tablet.push([a, takenX, aMovesToY, getsX, takenY]);

    expect(results.map((r) => (r.status === 'conflict' ? r.reason.code : r.status))).toEqual(['applied', 'ssid_taken', 'applied', 'applied', 'ssid_taken']);
    expect(results[2]).toMatchObject({ serverVersion: 2 });
    expect(await findStudent(handle.db, a.studentId)).toMatchObject({ ssid: y, version: 2 });
    expect((await findEnrollment(handle.db, a.recordId))?.version).toBe(2);
    expect((await findStudent(handle.db, getsX.studentId))?.ssid).toBe(x);
    expect(await findStudent(handle.db, takenY.studentId)).toBeUndefined();
    const history = (await auditOf(handle.db, 'student', a.studentId)).map((e) => [e.action, e.old_value, e.new_value]);
    expect(history).toEqual([['ssid_changed', null, x], ['ssid_changed', x, y]]);
  });

  it('lets the mutations after an SSID update in the same push see that update', async () => {
    const tablet = await device();
    const x = randomSsid();
    const a = mutation(1, school(), { application: application(school(), { ssid: '', ssidSource: '' }) });
    const update: SsidUpdateMutation = { kind: 'ssid_update', mutationId: 2, recordId: uuidv7(), studentId: a.studentId, version: 1, ssid: x, source: 'school_records', confirmedAt: new Date().toISOString() };
    const wantsX = mutation(3, school(), { application: application(school(), { ssid: x, firstName: 'Other' }) });
    const edit = { ...a, mutationId: 4, version: 2, application: { ...a.application, grade: '9' as const } };

    const results = await tablet.push([a, update, wantsX, edit]);

    expect(results.map((r) => (r.status === 'conflict' ? r.reason.code : r.status))).toEqual(['applied', 'applied', 'ssid_taken', 'applied']);
    // The edit carries no SSID, so the one the update set stays; versions count every change.
    expect(await findStudent(handle.db, a.studentId)).toMatchObject({ ssid: x, grade: '9', version: 3 });
  });

  it('lets a second paper for the same student and year in the same push see the first one’s enrollment', async () => {
    const tablet = await device();
    const student = { firstName: 'Kai', lastName: 'Tanaka', dateOfBirth: '2011-03-03', ssid: randomSsid(), programYear: '2025-26' };
    const first = mutation(1, school(), { application: application(school(), student) });
    const again = mutation(2, school(), { application: application(school(), student) });
    const nextYear = mutation(3, school(), { application: application(school(), { ...student, programYear: '2026-27' }) });

    const results = await tablet.push([first, again, nextYear]);

    expect(results.map((r) => (r.status === 'conflict' ? r.reason.code : r.status))).toEqual(['applied', 'already_enrolled', 'applied']);
    const enrollments = await handle.db.selectFrom('enrollments').select(['id', 'program_year']).where('student_id', '=', first.studentId).orderBy('program_year').execute();
    expect(enrollments).toEqual([{ id: first.recordId, program_year: '2025-26' }, { id: nextYear.recordId, program_year: '2026-27' }]);
  });

  it('answers a malformed record between two good ones rejected, naming its field, and applies the two', async () => {
    const tablet = await device();
    const good = mutation(1, school());
    const malformed = mutation(2, school(), { application: application(school(), { dateOfBirth: 'soon' }) });
    const after = mutation(3, school());

    const results = await tablet.push([good, malformed, after]);

    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ recordId: malformed.recordId, reason: { code: 'invalid', fields: [expect.objectContaining({ field: 'dateOfBirth' })] } });
    expect(await findEnrollment(handle.db, good.recordId)).toMatchObject({ version: 1 });
    expect(await findEnrollment(handle.db, malformed.recordId)).toBeUndefined();
    expect(await findEnrollment(handle.db, after.recordId)).toMatchObject({ version: 1 });
  });

  it('numbers a push’s changes so that a pull from before it brings them all and a pull after it none', async () => {
    const tablet = await device();
    const before = await tablet.pull();
    const batch = Array.from({ length: 30 }, (_, i) => mutation(i + 1, school()));
    expect((await tablet.push(batch)).every((r) => r.status === 'applied')).toBe(true);
    const after = await tablet.pull(before.checkpoint);
    expect(after.roster.map((r) => r.studentId).sort()).toEqual(batch.map((m) => m.studentId).sort());
    expect((await tablet.pull(after.checkpoint)).roster).toEqual([]);
  });
});
