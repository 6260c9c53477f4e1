/**
 * Whether an enrollment can be approved (the Parent Authorization Form was
 * received), and what approving it does to the student's SSID (design section 3):
 * a pure function, so the policy reads in one place.
 */
import type { EnrollmentStatus } from '../db/schema';
import type { ProblemName } from '../../shared/problems';

/** What bears on one approval. */
export interface ApprovalState {
  status: EnrollmentStatus;
  /** The student's SSID now. */
  studentSsid: string | null;
  /** The SSID the advisor typed, normalized, if any. */
  suppliedSsid: string | undefined;
  /** The program year's policy requires an SSID. */
  ssidRequired: boolean;
  /** The student who holds the supplied SSID now, if any. */
  suppliedSsidOwnerId: string | undefined;
  studentId: string;
}

export type ApprovalDecision =
  | { kind: 'refuse'; problem: ProblemName }
  /** Already approved: answered as it is, so a retried approval is harmless. */
  | { kind: 'already_approved' }
  | { kind: 'approve'; setSsid: string | undefined; promptForSsid: boolean };

/**
 * The rules, in order:
 * 1. An approved enrollment is answered as it is.
 * 2. One in SSID review cannot be approved until the review is done.
 * 3. A student with an SSID: approved; a different SSID typed is refused (never
 *    overwritten silently).
 * 4. A student without one, SSID typed: refused if another student holds it,
 *    otherwise it is set (source `student_form`) and the enrollment approved.
 * 5. A student without one, none typed: refused in a year that requires one;
 *    approved with a prompt for the SSID in a year that does not.
 */
export function decideApproval(state: ApprovalState): ApprovalDecision {
  if (state.status === 'approved') return { kind: 'already_approved' };
  if (state.status === 'needs_review') return { kind: 'refuse', problem: 'enrollmentNotPending' };
  const supplied = state.suppliedSsid;
  if (state.studentSsid !== null) {
    if (supplied !== undefined && supplied !== state.studentSsid) return { kind: 'refuse', problem: 'ssidDiffers' };
    return { kind: 'approve', setSsid: undefined, promptForSsid: false };
  }
  if (supplied !== undefined) {
    if (state.suppliedSsidOwnerId !== undefined && state.suppliedSsidOwnerId !== state.studentId) return { kind: 'refuse', problem: 'ssidTaken' };
    return { kind: 'approve', setSsid: supplied, promptForSsid: false };
  }
  if (state.ssidRequired) return { kind: 'refuse', problem: 'ssidRequired' };
  return { kind: 'approve', setSsid: undefined, promptForSsid: true };
}
