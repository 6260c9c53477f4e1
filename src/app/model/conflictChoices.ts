/** Which ways out of a conflict a record offers, decided by the server's reason code. */
import type { LocalApplication } from '../crypto/row-schemas';

/** What the choices are decided on. */
export type ConflictView = Pick<LocalApplication, 'status' | 'serverReason'>;

/** "Send to center review" applies only to a conflict over an SSID another student holds. */
export function canSendToReview(record: ConflictView): boolean {
  return record.status === 'conflict' && record.serverReason?.code === 'ssid_taken';
}

/** "Send my version again" applies only to a conflict over a change made on another device. */
export function canResendAsIs(record: ConflictView): boolean {
  return record.status === 'conflict' && record.serverReason?.code === 'stale_version';
}

/** "Same student" applies only to a probable match with a student the center already has. */
export function canSaySameStudent(record: ConflictView): boolean {
  return record.status === 'conflict' && record.serverReason?.code === 'same_student_probable';
}
