/**
 * What the server does with one valid mutation, given what it already holds:
 * a pure function, so the rules can be read (and tested) in one place.
 */
import { REFUSALS } from '../../shared/problems';
import { refusal, type Mutation, type Refusal, type RefusalOf } from '../../shared/protocol';
import { compareStudents, type StudentIdentity } from '../../shared/same-student';
import { dateInWords } from '../../shared/typed-dates';
import { VERIFIABLE_FIELDS, verificationProblems, type AddableVerifiedField } from '../../shared/verification-record';
import { mustCarryVerification, type CenterVerification } from '../../shared/verification-policy';
import { verifiedValuesOf, type VerifiedValues } from '../../shared/verify-sheet';
import type { EnrollmentOrigin, EnrollmentStatus } from '../db/schema';

/** The student holding the application's SSID, as the identity rule compares them. */
export interface SsidOwner extends StudentIdentity {
  id: string;
  centerId: string;
  deleted: boolean;
}

/** An enrollment the server holds for a program year. */
export interface YearEnrollment {
  id: string;
  studentId: string;
  origin: EnrollmentOrigin;
}

/** What the server holds that bears on one mutation. */
export interface ServerState {
  /** The caller's center. */
  centerId: string;
  /** The device pushing. */
  deviceId: string;
  /** The application's school is a live school of the caller's center. */
  schoolInCenter: boolean;
  /** Every person the mutation's verification names (if it has one) is a user of the caller's center. */
  keyersInCenter: boolean;
  /** The caller's center's setting for verification by a second keyer. */
  verification: CenterVerification;
  /** The verified fields of the paper the server holds for this record, when it holds one (read only when rule 2b needs it). */
  storedKeyed: VerifiedValues | undefined;
  student: { centerId: string; deleted: boolean } | undefined;
  enrollment: {
    centerId: string; version: number; updatedByDevice: string; studentId: string;
    /** Who typed the version the server holds, when it waits for a second keyer on another tablet. */
    awaitingVerifierOf?: string;
    /** The fields besides the four its batch sent it to be verified with, while it waits so. */
    awaitingFields?: readonly AddableVerifiedField[];
  } | undefined;
  /** The student who holds the application's SSID now, if any. */
  ssidOwner: SsidOwner | undefined;
  /** The application's program year's enrollments of the students this mutation may be for. */
  yearEnrollments: readonly YearEnrollment[];
}

/** Why an application is refused: the one shape of a refusal reason, its code one its kind may get. */
export type Reason = Refusal<RefusalOf<'application'>>;

export type Decision =
  | { kind: 'rejected'; reason: Reason }
  | { kind: 'conflict'; code: 'ssid_taken' | 'already_enrolled'; message: string }
  | { kind: 'conflict'; code: 'same_student_probable'; message: string; fields: { field: string; message: string }[] }
  | { kind: 'conflict'; code: 'stale_version'; message: string; serverVersion: number }
  | {
    kind: 'apply';
    assignSsid: boolean;
    status: EnrollmentStatus;
    /** The student the enrollment is written for: the mutation's own, or one the center already had. */
    studentId: string;
    /** An online re-enrollment of the same student and year that this paper completes (and replaces). */
    replaces?: string;
  };

const OTHER_CENTER: Reason = refusal('forbidden');

/**
 * The rules, in the order they are checked:
 * 1. A student or enrollment of another center is never touched (rejected).
 * 2. The school must be one of the caller's center's live schools (rejected).
 *    a. A verification must vouch for this version (verification-record.ts:
 *       two different people, every field agreed or settled from the paper,
 *       the record carrying the values that stand), and name only people of
 *       the caller's center (rejected). Without one the version is typed once.
 *       Where the version the server holds waits for a second keyer on
 *       another tablet, its first keyer is the person who typed that version:
 *       nobody else may be named, and they may not verify it themselves;
 *       and the verification covers the fields its batch sent it with
 *       besides the four (a sheet typed once is no less typed once for being
 *       verified on another tablet).
 *    b. Where the center requires verification, a version confirmed since it
 *       did that keys a verified field anew (a new record, or an edit of its
 *       SSID, names or birth date) must carry one (rejected,
 *       verification_required). Records from before stay valid, typed once.
 * 3. Which student the paper is for:
 *    a. the mutation's student, when the server knows them;
 *    b. otherwise the enrollment's student, when the record is on the server
 *       already (a paper linked once stays linked, whatever its edits say);
 *    c. otherwise, when the center already has a student with the paper's SSID,
 *       names and birth date compared as a school's return is matched
 *       (shared/same-student.ts): the same name and birth date link the paper to
 *       that student; one small difference (a one-letter typo, a missing middle
 *       name, a birth date one digit or a month/day swap apart) is a
 *       `same_student_probable` conflict showing the center's name and birth
 *       date, linked once the advisor answers "Same student"; more than that
 *       falls to rule 6;
 *    d. otherwise the mutation's new student.
 * 4. A student the center removed stays removed (rejected).
 * 5. Stale version: the enrollment changed on the server since the version the
 *    tablet last saw, and the change came from another device. A device's own
 *    earlier write is never a conflict: its mutations arrive in order, and when
 *    a response is lost the tablet never learns the version its own write made.
 * 6. SSID taken: the SSID belongs to another student. Sent to review, the
 *    enrollment is stored for center staff as `needs_review` and the SSID is not
 *    given to this student; otherwise it is a conflict the advisor resolves.
 * 7. One enrollment per student and program year: when the student already has
 *    another enrollment for the paper's year, an online re-enrollment is
 *    completed by the paper (the paper's record replaces it, approval kept);
 *    another paper's enrollment makes this one an `already_enrolled` conflict.
 */
export function decide(mutation: Mutation, state: ServerState): Decision {
  if (state.student && state.student.centerId !== state.centerId) return { kind: 'rejected', reason: OTHER_CENTER };
  if (state.enrollment && state.enrollment.centerId !== state.centerId) return { kind: 'rejected', reason: OTHER_CENTER };
  if (!state.schoolInCenter) {
    return {
      kind: 'rejected',
      reason: refusal('unknown_school', [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }]),
    };
  }
  const unverifiable = verificationRefusal(mutation, state);
  if (unverifiable) return { kind: 'rejected', reason: unverifiable };
  if (mustCarryVerification({
    center: state.verification, confirmedAt: mutation.confirmedAt, verified: mutation.verification !== undefined, sentToVerify: mutation.verifyElsewhere !== undefined,
    values: verifiedValuesOf(mutation.application, VERIFIABLE_FIELDS), stored: state.enrollment ? state.storedKeyed : undefined,
  })) {
    return { kind: 'rejected', reason: refusal('verification_required') };
  }
  const who = whichStudent(mutation, state);
  if (who.kind === 'conflict') return who;
  const { studentId } = who;
  if (state.student?.deleted || who.removed) {
    return { kind: 'rejected', reason: refusal('student_removed') };
  }
  const { enrollment } = state;
  if (enrollment && enrollment.version > (mutation.baseServerVersion ?? 0) && enrollment.updatedByDevice !== state.deviceId) {
    return { kind: 'conflict', code: 'stale_version', message: REFUSALS.stale_version, serverVersion: enrollment.version };
  }
  const ssid = mutation.application.ssid;
  const ssidTaken = ssid !== '' && state.ssidOwner !== undefined && state.ssidOwner.id !== studentId;
  if (ssidTaken && mutation.sendToReview !== true) return { kind: 'conflict', code: 'ssid_taken', message: REFUSALS.ssid_taken };
  const other = state.yearEnrollments.find((e) => e.studentId === studentId && e.id !== mutation.recordId);
  if (other && other.origin !== 'student_online') return { kind: 'conflict', code: 'already_enrolled', message: REFUSALS.already_enrolled };
  return {
    kind: 'apply',
    assignSsid: ssid !== '' && !ssidTaken,
    status: ssidTaken ? 'needs_review' : 'submitted',
    studentId,
    ...(other ? { replaces: other.id } : {}),
  };
}

/** Rule 2a: why the mutation's verification cannot be stored, if it cannot. */
function verificationRefusal(mutation: Mutation, state: ServerState): Reason | undefined {
  if (mutation.verification === undefined) return undefined;
  const fields = verificationProblems(mutation.application, mutation.verification, state.enrollment?.awaitingFields);
  if (!state.keyersInCenter) fields.push({ field: 'verifiedBy', message: 'Both keyers must be people of your center.' });
  const typedBy = state.enrollment?.awaitingVerifierOf;
  if (typedBy !== undefined && mutation.verification.enteredBy !== typedBy) {
    fields.push({ field: 'enteredBy', message: 'The first keyer is the person who typed the sheet the server holds.' });
  }
  if (fields.length === 0) return undefined;
  return refusal('verification_invalid', fields);
}

type Identified = { kind: 'student'; studentId: string; removed: boolean } | Extract<Decision, { kind: 'conflict' }>;

/** Rule 3: the student this paper is for. */
function whichStudent(mutation: Mutation, state: ServerState): Identified {
  if (state.student) return { kind: 'student', studentId: mutation.studentId, removed: false };
  if (state.enrollment) return { kind: 'student', studentId: state.enrollment.studentId, removed: false };
  const owner = state.ssidOwner;
  const a = mutation.application;
  if (a.ssid === '' || owner === undefined || owner.centerId !== state.centerId) return { kind: 'student', studentId: mutation.studentId, removed: false };
  const verdict = compareStudents(a, owner);
  if (verdict.level === 'same' || (verdict.level === 'probable' && mutation.sameStudent === true)) {
    return { kind: 'student', studentId: owner.id, removed: owner.deleted };
  }
  if (verdict.level === 'probable') {
    return {
      kind: 'conflict',
      code: 'same_student_probable',
      message: REFUSALS.same_student_probable,
      fields: [
        // The center's own record of its student, so the advisor can hold it against the paper.
        { field: 'name', message: `The center has “${[owner.firstName, owner.middleName, owner.lastName].filter(Boolean).join(' ')}”.` },
        { field: 'dateOfBirth', message: `The center has ${dateInWords(owner.dateOfBirth)}.` },
        ...verdict.differences.map((d) => ({ field: 'difference', message: d.message })),
      ],
    };
  }
  return { kind: 'student', studentId: mutation.studentId, removed: false };
}
