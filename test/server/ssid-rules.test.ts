/** The SSID rules as tables: SSID updates in push, PAF approval, and the re-enrollment match. */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import type { SsidUpdateMutation } from '../../src/shared/protocol';
import { decideApproval, type ApprovalState } from '../../src/server/enrollments/approval-rules';
import { answersMatch, sameLastName } from '../../src/server/enrollments/re-enroll-rules';
import { decideSsidUpdate, type SsidUpdateState } from '../../src/server/sync/decide-ssid-update';

const update: SsidUpdateMutation = {
  kind: 'ssid_update', mutationId: 1, recordId: uuidv7(), studentId: uuidv7(), version: 1,
  ssid: '9876501234', source: 'school_records', confirmedAt: new Date().toISOString(),
};
const student = { centerId: 'c1', deleted: false, ssid: null };
const calm: SsidUpdateState = { centerId: 'c1', student, ssidOwnerId: undefined };

describe('decideSsidUpdate', () => {
  it.each<[string, Partial<SsidUpdateState>, Partial<SsidUpdateMutation>, string, string | undefined]>([
    ['a student without an SSID', {}, {}, 'set', undefined],
    ['an unknown student', { student: undefined }, {}, 'rejected', 'unknown_student'],
    ['a student of another center', { student: { ...student, centerId: 'c2' } }, {}, 'rejected', 'unknown_student'],
    ['a student the center removed', { student: { ...student, deleted: true } }, {}, 'rejected', 'student_removed'],
    ['an SSID another student holds', { ssidOwnerId: 'someone-else' }, {}, 'conflict', 'ssid_taken'],
    ['the SSID the student already has', { student: { ...student, ssid: '9876501234' }, ssidOwnerId: update.studentId }, {}, 'unchanged', undefined],
    ['a student with a different SSID', { student: { ...student, ssid: '9111122223' } }, {}, 'conflict', 'ssid_differs'],
    ['a replacement naming the SSID the student has', { student: { ...student, ssid: '9111122223' } }, { replaces: '2223' }, 'set', undefined],
    ['a replacement naming another SSID', { student: { ...student, ssid: '9111122223' } }, { replaces: '9999' }, 'conflict', 'ssid_differs'],
    ['a replacement of an SSID another student holds', { student: { ...student, ssid: '9111122223' }, ssidOwnerId: 'someone-else' }, { replaces: '2223' }, 'conflict', 'ssid_taken'],
  ])('%s', (_label, state, change, kind, code) => {
    const decision = decideSsidUpdate({ ...update, ...change }, { ...calm, ...state });
    expect(decision.kind).toBe(kind);
    const actual = decision.kind === 'rejected' ? decision.reason.code : decision.kind === 'conflict' ? decision.code : undefined;
    expect(actual).toBe(code);
  });

  it('never quotes the whole SSID the student has in a conflict', () => {
    const decision = decideSsidUpdate(update, { ...calm, student: { ...student, ssid: '9111122223' } });
    expect(JSON.stringify(decision)).not.toContain('9111122223');
  });

  it('tells the advisor in words why an SSID update was not applied', () => {
    const said = (state: Partial<SsidUpdateState>) => {
      const decision = decideSsidUpdate(update, { ...calm, ...state });
      return decision.kind === 'rejected' ? decision.reason.message : decision.kind === 'conflict' ? decision.message : decision.kind;
    };
    expect(said({ student: undefined })).toBe('This student is not one of your center’s students.');
    expect(said({ student: { ...student, deleted: true } })).toBe('The center removed this student. Ask your center before sending it again.');
    expect(said({ ssidOwnerId: 'someone-else' })).toBe('This CA SSID belongs to another student.');
    // The last four digits, so the advisor can say which one is replaced.
    expect(said({ student: { ...student, ssid: '9111122223' } }))
      .toBe('The student already has a different CA SSID (ending 2223). Decide which is right before replacing it.');
  });
});

const pending: ApprovalState = {
  status: 'pending_approval', studentSsid: null, suppliedSsid: undefined, ssidRequired: true, suppliedSsidOwnerId: undefined, studentId: 's1',
};

describe('decideApproval', () => {
  it.each<[string, Partial<ApprovalState>, ReturnType<typeof decideApproval>]>([
    ['required year, no SSID anywhere', {}, { kind: 'refuse', problem: 'ssidRequired' }],
    ['required year, SSID typed', { suppliedSsid: '9876501234' }, { kind: 'approve', setSsid: '9876501234', promptForSsid: false }],
    ['soft year, no SSID', { ssidRequired: false }, { kind: 'approve', setSsid: undefined, promptForSsid: true }],
    ['student already has an SSID', { studentSsid: '9876501234' }, { kind: 'approve', setSsid: undefined, promptForSsid: false }],
    ['typed SSID equals the student’s', { studentSsid: '9876501234', suppliedSsid: '9876501234' }, { kind: 'approve', setSsid: undefined, promptForSsid: false }],
    ['typed SSID differs from the student’s', { studentSsid: '9876501234', suppliedSsid: '9111122223' }, { kind: 'refuse', problem: 'ssidDiffers' }],
    ['typed SSID held by another student', { suppliedSsid: '9876501234', suppliedSsidOwnerId: 's2' }, { kind: 'refuse', problem: 'ssidTaken' }],
    ['an enrollment from a tablet', { status: 'submitted', ssidRequired: false }, { kind: 'approve', setSsid: undefined, promptForSsid: true }],
    ['an enrollment in SSID review', { status: 'needs_review' }, { kind: 'refuse', problem: 'enrollmentNotPending' }],
    ['an approved enrollment', { status: 'approved' }, { kind: 'already_approved' }],
  ])('%s', (_label, change, expected) => {
    expect(decideApproval({ ...pending, ...change })).toEqual(expected);
  });
});

describe('sameLastName', () => {
  it.each([
    ['García-López', 'Garcia Lopez', true],
    ['  o’brien ', "O'Brien", true],
    ['DE LA CRUZ', 'de la Cruz', true],
    ['Lopez', 'García López', true],
    ['Lopez Garcia', 'García López', true],
    ['Lopes', 'García López', false],
    ['Garcia Lopez Smith', 'García López', false],
    ['Lopez', 'Lopezz', false],
    ['', 'Lopez', false],
    ['-', '-', false],
  ])('%s against %s: %s', (typed, onRecord, expected) => {
    expect(sameLastName(typed, onRecord)).toBe(expected);
  });
});

describe('answersMatch', () => {
  const candidate = { exists: true, deleted: false, lastName: 'Quintero', dateOfBirth: '2011-04-02' };
  it.each([
    ['every answer right', {}, {}, true],
    ['wrong date of birth', {}, { dateOfBirth: '2011-04-03' }, false],
    ['wrong last name', {}, { lastName: 'Quintana' }, false],
    ['no student with that SSID', { exists: false }, {}, false],
    ['a removed student', { deleted: true }, {}, false],
  ])('%s', (_label, change, answerChange, expected) => {
    expect(answersMatch({ ...candidate, ...change }, { lastName: 'quintero', dateOfBirth: '2011-04-02', ...answerChange })).toBe(expected);
  });
});
