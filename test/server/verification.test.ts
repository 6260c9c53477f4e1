/**
 * A second keyer's verification over real HTTP, on each database: it travels in
 * the application's push, is kept with the record, marks the SSID as verified
 * with both names, and the tablet's pull lists whom it may pick as a keyer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, studentRecordSchema, type Mutation } from '../../src/shared/protocol';
import type { Verification, VerifiedField } from '../../src/shared/verification-record';
import { createUser } from '../../src/server/accounts';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { setUserDisabled } from '../../src/server/queries/users';
import { DATABASES } from './helpers/databases';
import { makeCenter, mutation, PASSWORD, randomSsid, verification } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('verification on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);
  let tablet: { token: string; deviceId: string; userId: string };
  let secondId: string;
  let outsiderId: string;
  let nextId = 0;

  beforeAll(async () => {
    const other = await makeCenter(handle, 'other');
    secondId = await createUser(handle.db, { email: `second-${center.centerId}@example.org`, name: 'Bea Second', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    outsiderId = await createUser(handle.db, { email: `outsider-${other.centerId}@example.org`, name: 'Olga Outsider', role: 'advisor', centerId: other.centerId, password: PASSWORD });
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    tablet = { token: session.token, deviceId: session.deviceId, userId: session.user.id };
  });

  async function push(...mutations: Mutation[]) {
    const answer = await call(server.url, 'POST', '/api/sync/push', { token: tablet.token, body: { deviceId: tablet.deviceId, mutations } });
    return pushResponseSchema.parse(answer.body).results;
  }
  async function record(studentId: string) {
    return studentRecordSchema.parse((await call(server.url, 'GET', `/api/students/${studentId}`, { token: tablet.token })).body);
  }
  function verifiedSheet(differed: Record<string, string> = {}): Mutation {
    const sheet = mutation(++nextId, center.schoolIds[0]!);
    return { ...sheet, verification: verification(sheet.application, tablet.userId, secondId, differed) };
  }
  /** `sheet`'s verification with `field` keyed three ways, none as the paper reads, and settled by Bea Second's look at the paper. */
  function secondLookAt(sheet: Mutation, field: VerifiedField, misread: (n: number) => string): Verification {
    const { fields } = sheet.verification!;
    return {
      ...sheet.verification!,
      fields: fields.map((f) => (f.field === field
        ? { ...f, first: misread(1), second: misread(2), third: misread(3), secondLook: { reading: f.value, again: f.value, by: secondId, at: f.at } }
        : f)),
    };
  }
  /** Keyings that differ from `ssid` and from each other in the last digit. */
  const misreadSsid = (ssid: string) => (n: number) => `${ssid.slice(0, 9)}${(Number(ssid[9]) + n) % 10}`;
  /** The protocol does not fix the order of a verification's fields: the last name's first, unlike the tablet's. */
  const lastNameFirst = (v: Verification): Verification => ({ ...v, fields: [...v.fields].sort((a, b) => Number(b.field === 'lastName') - Number(a.field === 'lastName')) });

  it('keeps a verified sheet with its record and shows the SSID verified, with both names', async () => {
    const sheet = verifiedSheet({ ssid: '9000000001' });
    expect((await push(sheet))[0]).toMatchObject({ status: 'applied' });
    const shown = await record(sheet.studentId);
    expect(shown.ssid).toBe(sheet.application.ssid);
    expect(shown.ssidVerification).toEqual({ enteredBy: expect.stringMatching(/^Advisor /), verifiedBy: 'Bea Second', secondLookBy: null });
    const stored = await findEnrollment(handle.db, sheet.recordId);
    expect(stored).toMatchObject({ entered_by: tablet.userId, verified_by: secondId, fields_differed: 1, ssid_differed: 1 });
    expect(JSON.parse(stored!.verification!)).toEqual(sheet.verification);
  });

  it('keeps an SSID read on the paper at a second look, names who read it, and forgets the name with an SSID typed once', async () => {
    const sheet = verifiedSheet();
    const { application } = sheet;
    const looked = secondLookAt(sheet, 'ssid', misreadSsid(application.ssid));
    expect((await push({ ...sheet, verification: looked }))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).ssidVerification).toEqual({ enteredBy: expect.stringMatching(/^Advisor /), verifiedBy: 'Bea Second', secondLookBy: 'Bea Second' });
    expect(JSON.parse((await findEnrollment(handle.db, sheet.recordId))!.verification!)).toEqual(looked);

    const renumbered = { ...sheet, mutationId: ++nextId, version: 2, baseServerVersion: 1, application: { ...application, ssid: randomSsid() }, verification: undefined };
    expect((await push(renumbered))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).ssidVerification).toBeNull();
    expect((await record(sheet.studentId)).verifiedFields).toEqual([]);
  });

  it('names who looked at the paper for the SSID only when the look was at the SSID, whatever order the fields come in', async () => {
    const atLastName = verifiedSheet();
    const lastNameMisread = (n: number) => `${atLastName.application.lastName}${'xyz'[n - 1]}`;
    expect((await push({ ...atLastName, verification: lastNameFirst(secondLookAt(atLastName, 'lastName', lastNameMisread)) }))[0]).toMatchObject({ status: 'applied' });
    expect((await record(atLastName.studentId)).ssidVerification).toMatchObject({ verifiedBy: 'Bea Second', secondLookBy: null });

    const atSsid = verifiedSheet();
    expect((await push({ ...atSsid, verification: lastNameFirst(secondLookAt(atSsid, 'ssid', misreadSsid(atSsid.application.ssid))) }))[0]).toMatchObject({ status: 'applied' });
    expect((await record(atSsid.studentId)).ssidVerification).toMatchObject({ verifiedBy: 'Bea Second', secondLookBy: 'Bea Second' });
  });

  it('shows a sheet without a verification, as every record from before, as typed once', async () => {
    const sheet = mutation(++nextId, center.schoolIds[0]!);
    expect((await push(sheet))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).ssidVerification).toBeNull();
    expect(await findEnrollment(handle.db, sheet.recordId)).toMatchObject({ verification: null, entered_by: null, verified_by: null });
  });

  it('keeps the SSID verified through a later edit of another field, and not through a new SSID typed once', async () => {
    const sheet = verifiedSheet();
    await push(sheet);
    const renamed = { ...sheet, mutationId: ++nextId, version: 2, baseServerVersion: 1, application: { ...sheet.application, grade: '9' as const }, verification: undefined };
    expect((await push(renamed))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).ssidVerification).toMatchObject({ verifiedBy: 'Bea Second' });
    // The record's verification belongs to the version it came with: the edit was typed once.
    expect(await findEnrollment(handle.db, sheet.recordId)).toMatchObject({ verification: null, verified_by: null });

    const renumbered = { ...renamed, mutationId: ++nextId, version: 3, baseServerVersion: 2, application: { ...renamed.application, ssid: randomSsid() } };
    expect((await push(renumbered))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).ssidVerification).toBeNull();
    expect((await record(sheet.studentId)).verifiedFields).toEqual([]);
  });

  it('lists no verified fields once the student’s latest paper, of another program year, was typed once', async () => {
    const sheet = verifiedSheet();
    expect((await push(sheet))[0]).toMatchObject({ status: 'applied' });
    // The student re-enrolls online and the center approves it: no paper, so the verified one still stands.
    const { lastName, dateOfBirth, ssid } = sheet.application;
    expect((await call(server.url, 'POST', '/api/re-enroll', { body: { lastName, dateOfBirth, ssid } })).status).toBe(202);
    const online = await handle.db.selectFrom('enrollments').select('id').where('student_id', '=', sheet.studentId).where('origin', '=', 'student_online').executeTakeFirstOrThrow();
    expect((await call(server.url, 'POST', `/api/enrollments/${online.id}/approve`, { token: tablet.token, body: {} })).status).toBe(200);
    expect((await record(sheet.studentId)).verifiedFields).toHaveLength(4);
    // Next year's paper for the same student, a new phone on it, typed once: the student's fields now stand on it.
    const nextYear = mutation(++nextId, center.schoolIds[0]!, {
      studentId: sheet.studentId, application: { ...sheet.application, programYear: '2026-27', phone: '(408) 555-0199' },
    });
    expect((await push(nextYear))[0]).toMatchObject({ status: 'applied' });
    expect((await record(sheet.studentId)).verifiedFields).toEqual([]);
  });

  it('takes a verified next version of a sheet typed once, whoever of the center keyed it first: only a sheet sent to be verified elsewhere waits for its own typist', async () => {
    const sheet = mutation(++nextId, center.schoolIds[0]!);
    expect((await push(sheet))[0]).toMatchObject({ status: 'applied' });
    // Bea keys the paper first this time and the tablet's advisor verifies it.
    const keyed = { ...verification(sheet.application, secondId, tablet.userId), signedInAs: tablet.userId };
    const verified = { ...sheet, mutationId: ++nextId, version: 2, baseServerVersion: 1, verification: keyed };
    expect((await push(verified))[0]).toMatchObject({ status: 'applied', serverVersion: 2 });
    expect(await findEnrollment(handle.db, sheet.recordId)).toMatchObject({ entered_by: secondId, verified_by: tablet.userId, keyed_by: secondId });
  });

  it('refuses a verification by one person, or naming someone of another center, and stores nothing of that sheet', async () => {
    const alone = mutation(++nextId, center.schoolIds[0]!);
    const byOne = { ...alone, verification: verification(alone.application, tablet.userId, tablet.userId) };
    const outside = mutation(++nextId, center.schoolIds[0]!);
    const byOutsider = { ...outside, verification: verification(outside.application, tablet.userId, outsiderId) };
    const results = await push(byOne, byOutsider);
    expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual(['verification_invalid', 'verification_invalid']);
    expect(await findEnrollment(handle.db, alone.recordId)).toBeUndefined();
    expect(await findEnrollment(handle.db, outside.recordId)).toBeUndefined();
  });

  it('keeps a verification that carries fields the center added, and refuses one naming a field no center may add', async () => {
    const sheet = mutation(++nextId, center.schoolIds[0]!);
    const application = { ...sheet.application, phone: '(408) 555-0142', guardianName: 'Rosa Cruz' };
    const base = verification(application, tablet.userId, secondId);
    const at = base.verifiedAt;
    const added: Verification = {
      ...base,
      fields: [
        ...base.fields,
        { field: 'phone', first: '(408) 555-0142', second: '408 555 0142', value: '4085550142', by: secondId, at },
        { field: 'guardianName', first: 'Rosa Cruz', second: 'Rosa Crux', third: 'Rosa Cruz', value: 'Rosa Cruz', by: secondId, at },
      ],
    };
    expect((await push({ ...sheet, application, verification: added }))[0]).toMatchObject({ status: 'applied' });
    const stored = await findEnrollment(handle.db, sheet.recordId);
    expect(JSON.parse(stored!.verification!)).toEqual(added);
    expect(stored).toMatchObject({ fields_differed: 1, ssid_differed: 0 });
    // Record information lists every verified field, the added ones too, with who verified it.
    expect((await record(sheet.studentId)).verifiedFields).toEqual(
      ['ssid', 'firstName', 'lastName', 'dateOfBirth', 'phone', 'guardianName'].map((field) => ({ field, verifiedBy: 'Bea Second', secondLookBy: null })),
    );

    const other = mutation(++nextId, center.schoolIds[0]!);
    const ofOther = verification(other.application, tablet.userId, secondId);
    const grade = { ...ofOther, fields: [...ofOther.fields, { field: 'grade', first: '8', second: '8', value: '8', by: secondId, at }] };
    const [refused] = await push({ ...other, verification: grade as Verification });
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'invalid' } });
    expect(await findEnrollment(handle.db, other.recordId)).toBeUndefined();
  });

  it('applies a verified sheet once when the push is sent again', async () => {
    const sheet = verifiedSheet();
    await push(sheet);
    expect((await push(sheet))[0]).toMatchObject({ status: 'duplicate' });
    const audits = await handle.db.selectFrom('audit_log').select(['old_value', 'new_value'])
      .where('entity_id', '=', sheet.recordId).where('action', '=', 'enrollment_verified').execute();
    expect(audits).toEqual([{ old_value: tablet.userId, new_value: secondId }]);
  });

  it('lists the center’s enabled keyers in the pull: id and name, nothing to sign in with', async () => {
    const disabledId = await createUser(handle.db, { email: `gone-${center.centerId}@example.org`, name: 'Gil Gone', role: 'advisor', centerId: center.centerId, password: PASSWORD });
    await setUserDisabled(handle.db, disabledId, 1);
    const answer = await call(server.url, 'GET', '/api/sync/pull', { token: tablet.token });
    const raw = answer.body as { advisors: Record<string, unknown>[] };
    for (const advisor of raw.advisors) expect(Object.keys(advisor).sort()).toEqual(['id', 'name']);
    const { advisors } = pullResponseSchema.parse(answer.body);
    const ids = advisors.map((a) => a.id);
    expect(ids).toContain(tablet.userId);
    expect(ids).toContain(secondId);
    expect(ids).not.toContain(outsiderId);
    expect(ids).not.toContain(disabledId);
    expect(advisors.find((a) => a.id === secondId)?.name).toBe('Bea Second');
  });
});
