/**
 * What an applied paper leaves in the database, column by column and in the
 * audit trail, over real HTTP on each database: the student and the enrollment
 * a center's reports, reviews and pulls read, with who wrote them, from which
 * tablet and when (apply-mutation.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/shared/protocol';
import { auditOf } from '../../src/server/queries/audit-log';
import { createUser } from '../../src/server/accounts';
import { DATABASES } from './helpers/databases';
import { PASSWORD, randomSsid, verification } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';
import { signedInTablet } from './helpers/tablet';

describe.each(DATABASES)('what a push stores on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);

  /** A signed-in tablet; `edit` makes the next version of a record the server has answered. */
  async function tablet() {
    const t = await signedInTablet(server, center);
    return { ...t, userId: t.user.id, edit: (m: Mutation, overrides: Partial<Mutation> = {}) => t.again(m, { baseServerVersion: m.version, ...overrides }) };
  }

  const studentRow = (id: string) => handle.db.selectFrom('students').selectAll().where('id', '=', id).executeTakeFirst();
  const enrollmentRow = (id: string) => handle.db.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
  /** The audit entries about one row, by action: entries of one push share a millisecond, so their ids need not sort in the order written. */
  const trail = async (entity: string, id: string) =>
    (await auditOf(handle.db, entity, id)).map((e) => ({ action: e.action, user: e.user_id, from: e.old_value, to: e.new_value }))
      .sort((x, y) => x.action.localeCompare(y.action));

  it('stores a new paper’s student and enrollment as typed, trimmed where the paper’s spacing means nothing, with who, when and from which tablet', async () => {
    const t = await tablet();
    const paper = t.paper({ middleName: '  Luz ', schoolStudentId: ' A-1234  ', pafSignedDate: '', ssidSource: 'school_records' }, { ssidSource: 'student_form' });
    const before = new Date().toISOString();
    expect(await t.push(paper)).toEqual([{ mutationId: 1, recordId: paper.recordId, status: 'applied', serverVersion: 1 }]);
    const a = paper.application;

    // Column by column, but not every column: a migration that adds one need not change this test.
    const student = await studentRow(paper.studentId);
    expect(student).toMatchObject({
      id: paper.studentId, center_id: center.centerId,
      first_name: a.firstName, middle_name: 'Luz', last_name: a.lastName, date_of_birth: a.dateOfBirth, grade: a.grade,
      school_id: a.schoolId, school_student_id: 'A-1234',
      ssid: a.ssid, ssid_source: 'student_form', ssid_confirmed_at: paper.confirmedAt, ssid_confirmed_by: t.userId,
      ssid_entered_by: null, ssid_verified_by: null, ssid_second_look_by: null,
      version: 1, deleted: 0, updated_seq: expect.any(Number), created_at: expect.any(String), updated_at: student!.created_at,
    });
    expect(student!.created_at >= before).toBe(true);

    const enrollment = await enrollmentRow(paper.recordId);
    expect(enrollment).toMatchObject({
      id: paper.recordId, student_id: paper.studentId, center_id: center.centerId, program_year: a.programYear,
      application: expect.any(String), paf_status: 'missing', status: 'submitted', version: 1, client_version: 1,
      updated_by: t.userId, updated_by_device: t.deviceId, confirmed_at: paper.confirmedAt,
      updated_seq: expect.any(Number), created_at: student!.created_at, updated_at: student!.created_at,
      origin: 'tablet', approved_at: null, approved_by: null, duplicate_of: null,
      verification: null, entered_by: null, verified_by: null, fields_differed: null, ssid_differed: null,
      keyed_by: t.userId, keyed_on_device: t.deviceId, verify_batch: null, verify_sheet: null,
    });
    expect(JSON.parse(enrollment!.application)).toEqual(a);

    expect(await trail('enrollment', paper.recordId)).toEqual([{ action: 'enrollment_created', user: t.userId, from: null, to: null }]);
    expect(await trail('student', paper.studentId)).toEqual([{ action: 'ssid_changed', user: t.userId, from: null, to: a.ssid }]);
  });

  it('stores an edit as the next version of both rows, keeps when they were made, and audits an SSID only when it changes', async () => {
    const t = await tablet();
    const paper = t.paper({});
    await t.push(paper);
    const made = (await enrollmentRow(paper.recordId))!.created_at;
    const regraded = t.edit(paper, { application: { ...paper.application, grade: '9' } });
    expect(await t.push(regraded)).toEqual([{ mutationId: regraded.mutationId, recordId: paper.recordId, status: 'applied', serverVersion: 2 }]);

    expect(await studentRow(paper.studentId)).toMatchObject({ grade: '9', version: 2, created_at: made, ssid: paper.application.ssid });
    expect(await enrollmentRow(paper.recordId)).toMatchObject({ version: 2, client_version: 2, paf_status: 'signed', created_at: made });
    expect(await trail('enrollment', paper.recordId)).toEqual([
      { action: 'enrollment_created', user: t.userId, from: null, to: null },
      { action: 'enrollment_updated', user: t.userId, from: null, to: null },
    ]);
    expect((await trail('student', paper.studentId)).map((e) => e.action)).toEqual(['ssid_changed']);
  });

  it('takes where the SSID came from off the paper when the mutation does not say, and stores none for a paper that leaves it blank', async () => {
    const t = await tablet();
    const fromSchool = t.paper({ ssidSource: 'school_records' }, { ssidSource: null });
    const unsaid = t.paper({ ssidSource: '' }, { ssidSource: null });
    expect((await t.push(fromSchool, unsaid)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await studentRow(fromSchool.studentId)).toMatchObject({ ssid: fromSchool.application.ssid, ssid_source: 'school_records' });
    expect(await studentRow(unsaid.studentId)).toMatchObject({ ssid: unsaid.application.ssid, ssid_source: null });
  });

  it('names both keyers of a verified SSID on the student, keeps them through an unverified edit of the same SSID, and clears them for a new one', async () => {
    const t = await tablet();
    const secondId = await createUser(handle.db, { email: `second-${Date.now()}@example.org`, name: 'Bea Second', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    const plain = t.paper({});
    const paper = { ...plain, verification: verification(plain.application, t.userId, secondId, { lastName: 'Lopes' }) };
    await t.push(paper);
    expect(await studentRow(paper.studentId)).toMatchObject({ ssid_entered_by: t.userId, ssid_verified_by: secondId });
    expect(await enrollmentRow(paper.recordId)).toMatchObject({ entered_by: t.userId, verified_by: secondId, fields_differed: 1, ssid_differed: 0 });
    expect((await trail('enrollment', paper.recordId)).map((e) => e.action)).toEqual(['enrollment_created', 'enrollment_verified']);

    const regraded = t.edit(paper, { application: { ...paper.application, grade: '9' }, verification: undefined });
    await t.push(regraded);
    expect(await studentRow(paper.studentId)).toMatchObject({ ssid_entered_by: t.userId, ssid_verified_by: secondId });

    const renumbered = t.edit(regraded, { application: { ...regraded.application, ssid: randomSsid() } });
    await t.push(renumbered);
    expect(await studentRow(paper.studentId)).toMatchObject({ ssid: renumbered.application.ssid, ssid_entered_by: null, ssid_verified_by: null });
  });

  it('keeps the SSID of a paper sent to review in the audit trail for the reviewer, not on the student', async () => {
    const t = await tablet();
    const first = t.paper({});
    await t.push(first);
    const disputed = t.paper({ ssid: first.application.ssid, firstName: 'Other' }, { sendToReview: true });
    await t.push(disputed);
    expect(await studentRow(disputed.studentId)).toMatchObject({ ssid: null, ssid_source: null, ssid_confirmed_at: null, ssid_confirmed_by: null });
    expect(await trail('enrollment', disputed.recordId)).toEqual([
      { action: 'enrollment_created', user: t.userId, from: null, to: null },
      { action: 'ssid_sent_to_review', user: t.userId, from: null, to: first.application.ssid },
    ]);
    expect(await trail('student', disputed.studentId)).toEqual([]);
  });

  it('keeps an approved enrollment approved through a corrected version, with who approved it and when', async () => {
    const t = await tablet();
    const paper = t.paper({});
    await t.push(paper);
    expect((await call(server.url, 'POST', `/api/enrollments/${paper.recordId}/approve`, { token: t.token, body: {} })).status).toBe(200);
    const approved = (await enrollmentRow(paper.recordId))!;
    expect(approved).toMatchObject({ status: 'approved', version: 2, approved_by: t.userId });

    const regraded = t.again(paper, { baseServerVersion: 2, application: { ...paper.application, grade: '9' } });
    expect(await t.push(regraded)).toEqual([{ mutationId: regraded.mutationId, recordId: paper.recordId, status: 'applied', serverVersion: 3 }]);

    expect(await enrollmentRow(paper.recordId)).toMatchObject({ status: 'approved', version: 3, approved_at: approved.approved_at, approved_by: t.userId });
  });

  it('records once which student a second tablet’s paper was linked to, and writes later versions to that student', async () => {
    const a = await tablet();
    const b = await tablet();
    const first = a.paper({ programYear: '2024-25' });
    await a.push(first);
    const second = b.paper({ ssid: first.application.ssid, programYear: '2025-26' });
    await b.push(second);
    // With the first version, which makes the link: a correction finds the paper already linked.
    expect(await trail('enrollment', second.recordId)).toEqual([
      { action: 'enrollment_created', user: b.userId, from: null, to: null },
      { action: 'paper_linked_to_student', user: b.userId, from: second.studentId, to: first.studentId },
    ]);
    const regraded = b.edit(second, { application: { ...second.application, grade: '9' } });
    expect(await b.push(regraded)).toEqual([{ mutationId: regraded.mutationId, recordId: second.recordId, status: 'applied', serverVersion: 2 }]);

    expect(await trail('enrollment', second.recordId)).toEqual([
      { action: 'enrollment_created', user: b.userId, from: null, to: null },
      { action: 'enrollment_updated', user: b.userId, from: null, to: null },
      { action: 'paper_linked_to_student', user: b.userId, from: second.studentId, to: first.studentId },
    ]);
    expect(await enrollmentRow(second.recordId)).toMatchObject({ student_id: first.studentId, version: 2 });
    expect(await studentRow(first.studentId)).toMatchObject({ grade: '9', version: 3 });
    expect(await studentRow(second.studentId)).toBeUndefined();
  });
});
