/**
 * The one way the server gives a student an SSID outside an application push:
 * an SSID update from a tablet, or an SSID typed at PAF approval. It records the
 * source, when and by whom it was confirmed, and audits the change (the audit
 * log is the only place an SSID is written besides the student row).
 */
import type { SsidSource } from '../../shared/application';
import { appendAudit } from '../queries/audit-log';
import { nextChangeSeq } from '../queries/change-seq';
import type { Executor } from '../queries/executor';
import { updateStudent, type StudentRow } from '../queries/students';

/** Who sets the SSID, how they know it, and when. */
export interface SsidChange {
  ssid: string;
  source: SsidSource;
  confirmedAt: string;
  userId: string;
  now: string;
}

/**
 * Sets the student's SSID and returns the student's new version. Callers hold
 * the student's center's change lock (lockChangeSeq) and have checked that no other student holds it.
 */
export async function setStudentSsid(trx: Executor, student: StudentRow, change: SsidChange): Promise<number> {
  const seq = await nextChangeSeq(trx, student.center_id);
  const version = student.version + 1;
  await updateStudent(trx, student.id, {
    ssid: change.ssid,
    ssid_source: change.source,
    ssid_confirmed_at: change.confirmedAt,
    ssid_confirmed_by: change.userId,
    // One person's SSID (a school's, a typed one at approval) is no second keyer's verification.
    ssid_entered_by: null,
    ssid_verified_by: null,
    ssid_second_look_by: null,
    version,
    updated_seq: seq,
    updated_at: change.now,
  });
  await appendAudit(trx, {
    at: change.now, user_id: change.userId, action: 'ssid_changed', entity: 'student', entity_id: student.id,
    old_value: student.ssid, new_value: change.ssid,
  });
  return version;
}
