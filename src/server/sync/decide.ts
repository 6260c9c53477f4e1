/**
 * What the server does with one valid mutation, given what it already holds:
 * a pure function, so the rules can be read (and tested) in one place.
 */
import type { Mutation } from '../../shared/protocol';
import type { EnrollmentStatus } from '../db/schema';

/** What the server holds that bears on one mutation. */
export interface ServerState {
  /** The caller's center. */
  centerId: string;
  /** The device pushing. */
  deviceId: string;
  /** The application's school is a live school of the caller's center. */
  schoolInCenter: boolean;
  student: { centerId: string; deleted: boolean } | undefined;
  enrollment: { centerId: string; version: number; updatedByDevice: string } | undefined;
  /** The student who holds the application's SSID now, if any. */
  ssidOwnerId: string | undefined;
}

export interface Reason {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

export type Decision =
  | { kind: 'rejected'; reason: Reason }
  | { kind: 'conflict'; code: 'ssid_taken'; message: string }
  | { kind: 'conflict'; code: 'stale_version'; message: string; serverVersion: number }
  | { kind: 'apply'; assignSsid: boolean; status: EnrollmentStatus };

const OTHER_CENTER: Reason = { code: 'forbidden', message: 'This record belongs to another center.' };

/**
 * The rules, in the order they are checked:
 * 1. A student or enrollment of another center is never touched (rejected).
 * 2. The school must be one of the caller's center's live schools (rejected).
 * 3. A student the center removed stays removed (rejected).
 * 4. Stale version: the enrollment changed on the server since the version the
 *    tablet last saw, and the change came from another device. A device's own
 *    earlier write is never a conflict: its mutations arrive in order, and when
 *    a response is lost the tablet never learns the version its own write made.
 * 5. SSID taken: the SSID belongs to another student. Sent to review, the
 *    enrollment is stored for center staff as `needs_review` and the SSID is not
 *    given to this student; otherwise it is a conflict the advisor resolves.
 */
export function decide(mutation: Mutation, state: ServerState): Decision {
  if (state.student && state.student.centerId !== state.centerId) return { kind: 'rejected', reason: OTHER_CENTER };
  if (state.enrollment && state.enrollment.centerId !== state.centerId) return { kind: 'rejected', reason: OTHER_CENTER };
  if (!state.schoolInCenter) {
    return {
      kind: 'rejected',
      reason: {
        code: 'unknown_school',
        message: 'The school is not one of your center’s schools.',
        fields: [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }],
      },
    };
  }
  if (state.student?.deleted) {
    return { kind: 'rejected', reason: { code: 'student_removed', message: 'The center removed this student. Ask your center before sending it again.' } };
  }
  const { enrollment } = state;
  if (enrollment && enrollment.version > (mutation.baseServerVersion ?? 0) && enrollment.updatedByDevice !== state.deviceId) {
    return { kind: 'conflict', code: 'stale_version', message: 'Someone else changed this record on the server since you last synced.', serverVersion: enrollment.version };
  }
  const ssid = mutation.application.ssid;
  if (ssid !== '' && state.ssidOwnerId !== undefined && state.ssidOwnerId !== mutation.studentId) {
    if (mutation.sendToReview === true) return { kind: 'apply', assignSsid: false, status: 'needs_review' };
    return { kind: 'conflict', code: 'ssid_taken', message: 'This CA SSID belongs to another student.' };
  }
  return { kind: 'apply', assignSsid: ssid !== '', status: 'submitted' };
}
