/** The push rules as a table: what the server does with one valid mutation. */
import { describe, expect, it } from 'vitest';
import { refusal, type Mutation } from '../../src/shared/protocol';
import { decide, type ServerState, type SsidOwner } from '../../src/server/sync/decide';
import { mutation, verification } from './helpers/fixtures';
import { NO_VERIFICATION_POLICY, type CenterVerification } from '../../src/shared/verification-policy';
import { verifiedValuesOf } from '../../src/shared/verify-sheet';

const m: Mutation = mutation(1, 'school-1', { baseServerVersion: 2 });
const calm: ServerState = {
  centerId: 'c1', deviceId: 'd1', schoolInCenter: true, keyersInCenter: true, verification: NO_VERIFICATION_POLICY, storedKeyed: undefined, student: undefined, enrollment: undefined, ssidOwner: undefined, yearEnrollments: [],
};
/** A center that has required verification since 1 March; the fixtures' sheets are confirmed after it. */
const REQUIRED: CenterVerification = { policy: 'required', requiredSince: '2026-03-01T00:00:00.000Z', fields: [] };
const keyed = verifiedValuesOf(m.application);
const enrollment = (version: number, updatedByDevice: string, centerId = 'c1') => ({ centerId, version, updatedByDevice, studentId: m.studentId });
/** A student the server holds under the paper's SSID, by default the paper's own name and birth date. */
const owner = (overrides: Partial<SsidOwner> = {}): SsidOwner => ({
  id: 'known-student', centerId: 'c1', deleted: false,
  firstName: m.application.firstName, middleName: m.application.middleName, lastName: m.application.lastName, dateOfBirth: m.application.dateOfBirth,
  ...overrides,
});

function codeOf(decision: ReturnType<typeof decide>): string | undefined {
  return decision.kind === 'rejected' ? decision.reason.code : decision.kind === 'conflict' ? decision.code : undefined;
}

describe('decide', () => {
  it.each<[string, Partial<ServerState>, Partial<Mutation>, ReturnType<typeof decide>['kind'], string | undefined]>([
    ['a new record', {}, {}, 'apply', undefined],
    ['a student of another center', { student: { centerId: 'c2', deleted: false } }, {}, 'rejected', 'forbidden'],
    ['an enrollment of another center', { enrollment: enrollment(1, 'd1', 'c2') }, {}, 'rejected', 'forbidden'],
    ['a school outside the center', { schoolInCenter: false }, {}, 'rejected', 'unknown_school'],
    ['a student the center removed', { student: { centerId: 'c1', deleted: true } }, {}, 'rejected', 'student_removed'],
    ['a newer version from another device', { enrollment: enrollment(3, 'd2') }, {}, 'conflict', 'stale_version'],
    ['a newer version from this device', { enrollment: enrollment(3, 'd1') }, {}, 'apply', undefined],
    ['the version the tablet saw', { enrollment: enrollment(2, 'd2') }, {}, 'apply', undefined],
    ['a record the tablet thinks is new, written by another device', { enrollment: enrollment(1, 'd2') }, { baseServerVersion: null }, 'conflict', 'stale_version'],
    ['an SSID held by a student of another name', { ssidOwner: owner({ firstName: 'Jonathan', lastName: 'Reyes' }) }, {}, 'conflict', 'ssid_taken'],
    ['an SSID held by this student', { student: { centerId: 'c1', deleted: false }, ssidOwner: owner({ id: m.studentId }) }, {}, 'apply', undefined],
    ['an SSID held by a student of another center with the same name', { ssidOwner: owner({ centerId: 'c2' }) }, {}, 'conflict', 'ssid_taken'],
    ['an SSID held by another known student with the same name', { student: { centerId: 'c1', deleted: false }, ssidOwner: owner() }, {}, 'conflict', 'ssid_taken'],
    ['the same SSID, name and birth date as a known student', { ssidOwner: owner() }, {}, 'apply', undefined],
    ['the same SSID and name, birth date one digit apart', { ssidOwner: owner({ dateOfBirth: '2011-04-03' }) }, {}, 'conflict', 'same_student_probable'],
    ['the same SSID and birth date, last name one letter apart', { ssidOwner: owner({ lastName: 'Lopes' }) }, {}, 'conflict', 'same_student_probable'],
    ['the same SSID, last name and birth date both a little apart', { ssidOwner: owner({ lastName: 'Lopes', dateOfBirth: '2011-04-03' }) }, {}, 'conflict', 'ssid_taken'],
    ['a probable match the advisor says is the same student', { ssidOwner: owner({ lastName: 'Lopes' }) }, { sameStudent: true }, 'apply', undefined],
    ['"same student" said of a different name', { ssidOwner: owner({ firstName: 'Jonathan', lastName: 'Reyes' }) }, { sameStudent: true }, 'conflict', 'ssid_taken'],
    ['the same student, whom the center removed', { ssidOwner: owner({ deleted: true }) }, {}, 'rejected', 'student_removed'],
    ['a second paper for the same student and year', { ssidOwner: owner(), yearEnrollments: [{ id: 'paper-1', studentId: 'known-student', origin: 'tablet' }] }, {}, 'conflict', 'already_enrolled'],
    ['a paper for a year the student re-enrolled online', { ssidOwner: owner(), yearEnrollments: [{ id: 'online-1', studentId: 'known-student', origin: 'student_online' }] }, {}, 'apply', undefined],
    ['another student’s enrollment of that year', { yearEnrollments: [{ id: 'paper-1', studentId: 'someone-else', origin: 'tablet' }] }, {}, 'apply', undefined],
    ['a sheet two people of the center keyed', {}, { verification: verification(m.application, 'u1', 'u2') }, 'apply', undefined],
    ['an SSID the paper settled between two keyers', {}, { verification: verification(m.application, 'u1', 'u2', { ssid: '9000000001' }) }, 'apply', undefined],
    ['a sheet one person keyed twice', {}, { verification: verification(m.application, 'u1', 'u1') }, 'rejected', 'verification_invalid'],
    ['a verification naming someone outside the center', { keyersInCenter: false }, { verification: verification(m.application, 'u1', 'u2') }, 'rejected', 'verification_invalid'],
    ['a verification of other values than the version carries', {},
      { verification: verification({ ...m.application, lastName: 'Lopes' }, 'u1', 'u2') }, 'rejected', 'verification_invalid'],
    ['a new sheet typed once where the center requires verification', { verification: REQUIRED }, {}, 'rejected', 'verification_required'],
    ['the same sheet verified', { verification: REQUIRED }, { verification: verification(m.application, 'u1', 'u2') }, 'apply', undefined],
    ['a sheet confirmed offline before the center required verification', { verification: REQUIRED }, { confirmedAt: '2026-02-28T09:00:00.000Z' }, 'apply', undefined],
    ['an edit of the grade of a record the server holds', { verification: REQUIRED, enrollment: enrollment(2, 'd1'), storedKeyed: keyed }, {}, 'apply', undefined],
    ['an edit of the SSID of a record the server holds', { verification: REQUIRED, enrollment: enrollment(2, 'd1'), storedKeyed: { ...keyed, ssid: '9000000001' } }, {}, 'rejected', 'verification_required'],
    ['a stored paper that does not read counts as keyed anew', { verification: REQUIRED, enrollment: enrollment(2, 'd1') }, {}, 'rejected', 'verification_required'],
    ['a new sheet sent for a second keyer on another tablet where verification is required', { verification: REQUIRED }, { verifyElsewhere: { batchId: m.recordId, sheet: 1 } }, 'apply', undefined],
    ['a second keyer on another tablet verifying the sheet its first keyer typed',
      { enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u1' } }, { verification: verification(m.application, 'u1', 'u2') }, 'apply', undefined],
    ['a verification naming someone else as the first keyer of a waiting sheet',
      { enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u3' } }, { verification: verification(m.application, 'u1', 'u2') }, 'rejected', 'verification_invalid'],
    ['the first keyer of a waiting sheet verifying it themselves',
      { enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u1' } }, { verification: verification(m.application, 'u1', 'u1') }, 'rejected', 'verification_invalid'],
    ['a second keyer on another tablet keying the field the batch sent the sheet with',
      { enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u1', awaitingFields: ['schoolStudentId'] } },
      { verification: verification(m.application, 'u1', 'u2', {}, ['schoolStudentId']) }, 'apply', undefined],
    ['a second keyer on another tablet leaving out a field the batch sent the sheet with',
      { enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u1', awaitingFields: ['schoolStudentId'] } },
      { verification: verification(m.application, 'u1', 'u2') }, 'rejected', 'verification_invalid'],
    ['a sheet typed once where the center verifies by default only', { verification: { policy: 'default', requiredSince: null, fields: [] } }, {}, 'apply', undefined],
    ['this record’s own enrollment of that year', { enrollment: enrollment(2, 'd1'), yearEnrollments: [{ id: m.recordId, studentId: m.studentId, origin: 'tablet' }] }, {}, 'apply', undefined],
  ])('%s', (_label, state, change, kind, code) => {
    const decision = decide({ ...m, ...change }, { ...calm, ...state });
    expect(decision.kind).toBe(kind);
    expect(codeOf(decision)).toBe(code);
  });

  it('tells the advisor that both keyers must be people of the center, on the verifiedBy field', () => {
    const decision = decide({ ...m, verification: verification(m.application, 'u1', 'u2') }, { ...calm, keyersInCenter: false });
    expect(decision).toEqual({
      kind: 'rejected',
      reason: refusal('verification_invalid', [{ field: 'verifiedBy', message: 'Both keyers must be people of your center.' }]),
    });
  });

  it('tells a second keyer that the first keyer named is not who typed the waiting sheet, on the enteredBy field', () => {
    const state = { ...calm, enrollment: { ...enrollment(2, 'd2'), awaitingVerifierOf: 'u3' } };
    expect(decide({ ...m, verification: verification(m.application, 'u1', 'u2') }, state)).toEqual({
      kind: 'rejected',
      reason: refusal('verification_invalid', [{ field: 'enteredBy', message: 'The first keyer is the person who typed the sheet the server holds.' }]),
    });
  });

  it('stores a disputed SSID for review without giving it to the student', () => {
    expect(decide({ ...m, sendToReview: true }, { ...calm, ssidOwner: owner({ firstName: 'Jonathan' }) }))
      .toEqual({ kind: 'apply', assignSsid: false, status: 'needs_review', studentId: m.studentId });
  });

  it('assigns the SSID only when the application has one', () => {
    const blank = { ...m, application: { ...m.application, ssid: '' } };
    expect(decide(blank, calm)).toEqual({ kind: 'apply', assignSsid: false, status: 'submitted', studentId: m.studentId });
    expect(decide(m, calm)).toEqual({ kind: 'apply', assignSsid: true, status: 'submitted', studentId: m.studentId });
  });

  it('reports the server version with a stale-version conflict', () => {
    expect(decide(m, { ...calm, enrollment: enrollment(5, 'd9') })).toMatchObject({ serverVersion: 5 });
  });

  it.each([
    ['written the same way', {}],
    ['with accents, case and a hyphen the paper leaves out', { firstName: 'MARÍA', lastName: 'López' }],
    ['with the middle name in the first-name box', { firstName: 'Maria Elena', middleName: '' }],
  ])('links a paper to the student the center has under its SSID, %s', (_label, name) => {
    const paper = { ...m, application: { ...m.application, middleName: 'Elena' } };
    expect(decide(paper, { ...calm, ssidOwner: owner({ middleName: 'Elena', ...name }) })).toMatchObject({ kind: 'apply', studentId: 'known-student', assignSsid: true });
  });

  it('keeps a linked paper with its student when an edit comes from the tablet’s own new-student id', () => {
    const edit = { ...m, application: { ...m.application, lastName: 'Lopez-Garcia' } };
    expect(decide(edit, { ...calm, enrollment: { ...enrollment(2, 'd1'), studentId: 'known-student' }, ssidOwner: owner() }))
      .toMatchObject({ kind: 'apply', studentId: 'known-student' });
  });

  it('shows the center’s name and birth date, and what differs, with a probable match', () => {
    const decision = decide(m, { ...calm, ssidOwner: owner({ lastName: 'Lopes', middleName: 'E' }) });
    expect(decision).toMatchObject({
      kind: 'conflict',
      code: 'same_student_probable',
      fields: [
        { field: 'name', message: 'The center has “Maria E Lopes”.' },
        { field: 'dateOfBirth', message: 'The center has April 2, 2011.' },
        { field: 'difference', message: 'The last names differ by one letter.' },
      ],
    });
  });

  it('names a center’s student without a middle name with single spaces', () => {
    const decision = decide(m, { ...calm, ssidOwner: owner({ lastName: 'Lopes', middleName: '' }) });
    expect(decision.kind === 'conflict' && 'fields' in decision ? decision.fields[0] : decision).toEqual({ field: 'name', message: 'The center has “Maria Lopes”.' });
  });

  it('says which digit slip makes a probable match when only the birth date differs', () => {
    const decision = decide(m, { ...calm, ssidOwner: owner({ dateOfBirth: '2011-04-03' }) });
    expect(decision).toMatchObject({
      fields: [{ field: 'name' }, { field: 'dateOfBirth' }, { field: 'difference', message: 'The dates of birth differ by one digit or have month and day swapped.' }],
    });
  });

  it('tells the advisor in words why a record was refused or is in conflict', () => {
    expect(decide(m, { ...calm, schoolInCenter: false })).toEqual({
      kind: 'rejected',
      reason: {
        code: 'unknown_school',
        message: 'The school is not one of your center’s schools.',
        fields: [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }],
      },
    });
    expect(decide(m, { ...calm, student: { centerId: 'c1', deleted: true } })).toEqual({
      kind: 'rejected',
      reason: { code: 'student_removed', message: 'The center removed this student. Ask your center before sending it again.' },
    });
    expect(decide(m, { ...calm, enrollment: enrollment(3, 'd2') })).toEqual({
      kind: 'conflict', code: 'stale_version', message: 'Someone else changed this record on the server since you last synced.', serverVersion: 3,
    });
  });

  it('says the center’s birth date in words, as every date shown to the advisor is', () => {
    const decision = decide(m, { ...calm, ssidOwner: owner({ dateOfBirth: '2011-04-03' }) });
    expect(decision).toMatchObject({ fields: [{ field: 'name' }, { field: 'dateOfBirth', message: 'The center has April 3, 2011.' }, { field: 'difference' }] });
  });

  it('completes an online re-enrollment of the same year with the paper', () => {
    const online = { id: 'online-1', studentId: 'known-student', origin: 'student_online' as const };
    expect(decide(m, { ...calm, ssidOwner: owner(), yearEnrollments: [online] })).toMatchObject({ kind: 'apply', studentId: 'known-student', replaces: 'online-1' });
  });
});
