/**
 * What the server does with one SSID update: a pure function beside `decide`,
 * so the rules read (and are tested) in one place.
 */
import { REFUSALS } from '../../shared/problems';
import { refusal, type Refusal, type RefusalOf, type SsidUpdateMutation } from '../../shared/protocol';

/** What the server holds that bears on one SSID update. */
export interface SsidUpdateState {
  /** The caller's center. */
  centerId: string;
  student: { centerId: string; deleted: boolean; ssid: string | null } | undefined;
  /** The student who holds the update's SSID now, if any. */
  ssidOwnerId: string | undefined;
}

export type SsidDecision =
  | { kind: 'rejected'; reason: Refusal<RefusalOf<'ssid_update'>> }
  | { kind: 'conflict'; code: 'ssid_taken' | 'ssid_differs'; message: string }
  /** The student already has exactly this SSID: nothing to write. */
  | { kind: 'unchanged' }
  | { kind: 'set' };

/**
 * The rules, in the order they are checked:
 * 1. An unknown student, or one of another center, is never touched (rejected,
 *    with the same reason, so an id says nothing about other centers).
 * 2. A student the center removed stays removed (rejected).
 * 3. SSID taken: another student holds it (conflict; the advisor resolves it).
 * 4. Same SSID as the student has: nothing to do (applied, so a retry is harmless).
 * 5. SSID differs: the student has another SSID. Never overwritten silently:
 *    a conflict, unless the advisor decided that this one replaces it and said
 *    which (`replaces` = the last four digits of the one the student has now).
 * 6. Otherwise the SSID is set.
 */
export function decideSsidUpdate(mutation: SsidUpdateMutation, state: SsidUpdateState): SsidDecision {
  const { student } = state;
  if (!student || student.centerId !== state.centerId) {
    return { kind: 'rejected', reason: refusal('unknown_student') };
  }
  if (student.deleted) {
    return { kind: 'rejected', reason: refusal('student_removed') };
  }
  if (state.ssidOwnerId !== undefined && state.ssidOwnerId !== mutation.studentId) {
    return { kind: 'conflict', code: 'ssid_taken', message: REFUSALS.ssid_taken };
  }
  if (student.ssid === mutation.ssid) return { kind: 'unchanged' };
  if (student.ssid !== null && mutation.replaces !== student.ssid.slice(-4)) {
    return {
      kind: 'conflict',
      code: 'ssid_differs',
      message: `The student already has a different CA SSID (ending ${student.ssid.slice(-4)}). Decide which is right before replacing it.`,
    };
  }
  return { kind: 'set' };
}
