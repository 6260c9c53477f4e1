/**
 * One student, one roster entry, one enrollment per program year (decide.ts
 * rules 3 and 7), over real HTTP on each database: a second tablet's paper for
 * a student the center has links to them; a second enrollment of a year is
 * merged (an online re-enrollment completed by the paper) or a conflict.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { programYearOf } from '../../src/shared/policy';
import { pullResponseSchema, type Mutation } from '../../src/shared/protocol';
import { auditOf } from '../../src/server/queries/audit-log';
import { nextChangeSeq } from '../../src/server/queries/change-seq';
import { softDeleteStudent } from '../../src/server/queries/students';
import { DATABASES } from './helpers/databases';
import { randomSsid } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';
import { signedInTablet } from './helpers/tablet';

describe.each(DATABASES)('one student, one enrollment a year, on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { server: { trustProxy: '127.0.0.1', reEnroll: { maxPerIp: 100, maxPerSsid: 100, floorMs: 1 } } });

  /** A signed-in tablet of the center with its own mutation ids, and its roster as the next pull gives it. */
  async function tablet() {
    const t = await signedInTablet(server, center);
    return {
      ...t,
      roster: async () => {
        const answer = await call(server.url, 'GET', '/api/sync/pull', { token: t.token });
        return pullResponseSchema.parse(answer.body).roster;
      },
    };
  }

  const studentsWithSsid = (ssid: string) => handle.db.selectFrom('students').select(['id', 'first_name', 'last_name']).where('ssid', '=', ssid).execute();
  const studentRow = (id: string) => handle.db.selectFrom('students').selectAll().where('id', '=', id).executeTakeFirst();
  const enrollmentsOf = (studentId: string) =>
    handle.db.selectFrom('enrollments').select(['id', 'student_id', 'program_year', 'status', 'origin', 'application', 'approved_by'])
      .where('student_id', '=', studentId).orderBy('program_year').execute();

  /** The student of `earlier` re-enrolls online (from their own address `ip`), and the center approves it. */
  async function approvedOnlineReEnrollment(t: { token: string }, earlier: Mutation, ip: string) {
    const { lastName, dateOfBirth, ssid } = earlier.application;
    const online = await call(server.url, 'POST', '/api/re-enroll', { body: { lastName, dateOfBirth, ssid }, headers: { 'x-forwarded-for': ip } });
    expect(online.status).toBe(202);
    const pending = (await enrollmentsOf(earlier.studentId)).find((e) => e.origin === 'student_online')!;
    expect((await call(server.url, 'POST', `/api/enrollments/${pending.id}/approve`, { token: t.token, body: {} })).status).toBe(200);
  }

  it('links a second tablet’s paper for the same student to the student the center has: one roster entry, no SSID to request', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const b = await tablet();
    const first = a.paper({ firstName: 'Ana', lastName: 'García-López', dateOfBirth: '2011-05-06', ssid, programYear: '2024-25' });
    expect((await a.push(first))[0]).toMatchObject({ status: 'applied' });
    const second = b.paper({ firstName: 'ANA', lastName: 'Garcia Lopez', dateOfBirth: '2011-05-06', ssid, programYear: '2025-26', grade: '9' });
    expect((await b.push(second))[0]).toMatchObject({ status: 'applied', serverVersion: 1 });

    expect(await studentsWithSsid(ssid)).toEqual([expect.objectContaining({ id: first.studentId })]);
    expect(await studentRow(second.studentId)).toBeUndefined();
    expect((await enrollmentsOf(first.studentId)).map((e) => [e.id, e.program_year])).toEqual([[first.recordId, '2024-25'], [second.recordId, '2025-26']]);
    expect((await studentRow(first.studentId))?.grade).toBe('9');
    const roster = (await b.roster()).filter((r) => r.lastName.toLowerCase().startsWith('garc') && r.dateOfBirth === '2011-05-06' && r.ssidLast4 === ssid.slice(-4));
    expect(roster).toHaveLength(1);
    // Nobody on the roster without an SSID was made for this paper: the request list has nothing to ask for.
    expect((await b.roster()).filter((r) => r.studentId === second.studentId)).toEqual([]);
    expect((await auditOf(handle.db, 'enrollment', second.recordId)).map((e) => e.action)).toContain('paper_linked_to_student');
  });

  it('keeps a linked paper with that student when the tablet edits it', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const b = await tablet();
    const first = a.paper({ firstName: 'Luis', lastName: 'Nguyen', dateOfBirth: '2010-01-02', ssid, programYear: '2024-25' });
    await a.push(first);
    const second = b.paper({ firstName: 'Luis', lastName: 'Nguyen', dateOfBirth: '2010-01-02', ssid, programYear: '2025-26' });
    await b.push(second);
    const edit = b.again(second, { baseServerVersion: 1, application: { ...second.application, phone: '5595550100' } });
    expect((await b.push(edit))[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect(await studentRow(second.studentId)).toBeUndefined();
    const enrollments = await enrollmentsOf(first.studentId);
    expect(enrollments).toHaveLength(2);
    expect(JSON.parse(enrollments[1]!.application)).toMatchObject({ phone: '5595550100' });
  });

  it('answers a paper whose name differs by one letter with a probable-match conflict showing the center’s record, then links it when the advisor says it is the same student', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const b = await tablet();
    const first = a.paper({ firstName: 'Sofia', lastName: 'Ramirez', dateOfBirth: '2012-07-08', ssid, programYear: '2024-25' });
    await a.push(first);
    const second = b.paper({ firstName: 'Sofia', lastName: 'Ramires', dateOfBirth: '2012-07-08', ssid, programYear: '2025-26' });
    const [conflict] = await b.push(second);
    expect(conflict).toMatchObject({
      status: 'conflict',
      reason: {
        code: 'same_student_probable',
        fields: [
          { field: 'name', message: 'The center has “Sofia Ramirez”.' },
          { field: 'dateOfBirth', message: 'The center has July 8, 2012.' },
          { field: 'difference', message: 'The last names differ by one letter.' },
        ],
      },
    });
    expect(await enrollmentsOf(first.studentId)).toHaveLength(1);

    const [resolved] = await b.push(b.again(second, { sameStudent: true }));
    expect(resolved).toMatchObject({ status: 'applied' });
    expect(await studentsWithSsid(ssid)).toEqual([expect.objectContaining({ id: first.studentId, last_name: 'Ramires' })]);
    expect(await enrollmentsOf(first.studentId)).toHaveLength(2);
  });

  it('treats a paper with the same SSID but another name and birth date as another student’s number', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    await a.push(a.paper({ firstName: 'Omar', lastName: 'Haddad', dateOfBirth: '2011-01-01', ssid }));
    const [answer] = await a.push(a.paper({ firstName: 'Grace', lastName: 'Kim', dateOfBirth: '2012-02-02', ssid }));
    expect(answer).toMatchObject({ status: 'conflict', reason: { code: 'ssid_taken' } });
  });

  it('answers a second paper for the same student and year with an already-enrolled conflict, and keeps one enrollment', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const b = await tablet();
    const first = a.paper({ firstName: 'Kai', lastName: 'Tanaka', dateOfBirth: '2011-03-03', ssid, programYear: '2025-26' });
    await a.push(first);
    const [answer] = await b.push(b.paper({ firstName: 'Kai', lastName: 'Tanaka', dateOfBirth: '2011-03-03', ssid, programYear: '2025-26' }));
    expect(answer).toMatchObject({ status: 'conflict', reason: { code: 'already_enrolled' } });
    expect((await enrollmentsOf(first.studentId)).map((e) => e.id)).toEqual([first.recordId]);
  });

  it('answers papers for one student and year pushed by many tablets at once with one enrollment, every push answered', async () => {
    const ssid = randomSsid();
    const tablets = await Promise.all([1, 2, 3, 4].map(() => tablet()));
    const papers = tablets.map((t) => t.paper({ firstName: 'Noa', lastName: 'Levi', dateOfBirth: '2011-09-09', ssid, programYear: '2025-26' }));
    const answers = (await Promise.all(tablets.map((t, i) => t.push(papers[i]!)))).map(([r]) => r!);
    expect(answers.filter((r) => r.status === 'applied')).toHaveLength(1);
    expect(answers.filter((r) => r.status === 'conflict' && r.reason.code === 'already_enrolled')).toHaveLength(3);
    const [student] = await studentsWithSsid(ssid);
    expect(await enrollmentsOf(student!.id)).toHaveLength(1);
  });

  it('completes a student’s online re-enrollment with the paper for the same year: one enrollment, the paper’s, approval kept', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const programYear = programYearOf(new Date().toISOString().slice(0, 10));
    const earlier = a.paper({ firstName: 'Eli', lastName: 'Okafor', dateOfBirth: '2010-10-10', ssid, programYear: '2019-20' });
    await a.push(earlier);
    await approvedOnlineReEnrollment(a, earlier, '198.51.100.77');

    const b = await tablet();
    const paper = b.paper({ firstName: 'Eli', lastName: 'Okafor', dateOfBirth: '2010-10-10', ssid, programYear });
    expect((await b.push(paper))[0]).toMatchObject({ status: 'applied' });
    const ofYear = (await enrollmentsOf(earlier.studentId)).filter((e) => e.program_year === programYear);
    expect(ofYear).toEqual([expect.objectContaining({ id: paper.recordId, origin: 'tablet', status: 'approved', approved_by: expect.any(String) })]);
    expect(JSON.parse(ofYear[0]!.application)).toMatchObject({ lastName: 'Okafor' });
    expect((await auditOf(handle.db, 'enrollment', paper.recordId)).map((e) => e.action)).toContain('enrollment_completed_by_paper');
  });

  it('keeps no approval on a paper that completes an approved online re-enrollment but goes to review for an SSID another student holds', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const programYear = programYearOf(new Date().toISOString().slice(0, 10));
    const earlier = a.paper({ firstName: 'Ines', lastName: 'Moreau', dateOfBirth: '2010-06-06', ssid, programYear: '2019-20' });
    await a.push(earlier);
    const taken = a.paper({ firstName: 'Other', lastName: 'Holder', dateOfBirth: '2009-09-09', ssid: randomSsid(), programYear: '2019-20' });
    await a.push(taken);
    await approvedOnlineReEnrollment(a, earlier, '198.51.100.78');

    // The rostered student's paper, with the other student's SSID, sent to center review.
    const paper = a.paper({ firstName: 'Ines', lastName: 'Moreau', dateOfBirth: '2010-06-06', ssid: taken.application.ssid, programYear }, { studentId: earlier.studentId, sendToReview: true });
    expect((await a.push(paper))[0]).toMatchObject({ status: 'applied' });
    const ofYear = (await enrollmentsOf(earlier.studentId)).filter((e) => e.program_year === programYear);
    expect(ofYear).toEqual([expect.objectContaining({ id: paper.recordId, status: 'needs_review', approved_by: null })]);
  });

  it('refuses a paper for a student the center removed, whether sent for that student or found by the SSID they held, and stores nothing of it', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const fields = { firstName: 'Mira', lastName: 'Sato', dateOfBirth: '2011-04-04', ssid };
    const first = a.paper({ ...fields, programYear: '2024-25' });
    await a.push(first);
    await softDeleteStudent(handle.db, first.studentId, await nextChangeSeq(handle.db, center.centerId), new Date().toISOString());

    // The tablet's next paper for its roster entry, and another tablet's paper that only the SSID links to them.
    const forEntry = a.paper({ ...fields, programYear: '2025-26' }, { studentId: first.studentId });
    const b = await tablet();
    const bySsid = b.paper({ ...fields, programYear: '2025-26' });
    const removed = { status: 'rejected', reason: { code: 'student_removed' } };
    expect(await a.push(forEntry)).toMatchObject([removed]);
    expect(await b.push(bySsid)).toMatchObject([removed]);
    expect((await enrollmentsOf(first.studentId)).map((e) => e.id)).toEqual([first.recordId]);
    expect(await studentRow(bySsid.studentId)).toBeUndefined();
  });

  it('lets the database refuse a second enrollment of one student and year', async () => {
    const ssid = randomSsid();
    const a = await tablet();
    const first = a.paper({ firstName: 'Ada', lastName: 'Byrne', dateOfBirth: '2011-06-06', ssid, programYear: '2025-26' });
    await a.push(first);
    const row = await handle.db.selectFrom('enrollments').selectAll().where('id', '=', first.recordId).executeTakeFirstOrThrow();
    await expect(handle.db.insertInto('enrollments').values({ ...row, id: uuidv7() }).execute()).rejects.toThrow();
  });
});
