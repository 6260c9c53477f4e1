/**
 * A returning student's re-enrollment (POST /api/re-enroll, public). When the
 * last name, date of birth and SSID match one student, an enrollment for the
 * current program year waits for the advisor's approval (made once, however
 * often the student sends the form). Whatever was wrong, the answer is the same
 * problem, and the same database work is done on every path: a lookup by SSID,
 * both comparisons, and a read of the year's enrollment (of a stand-in when
 * nothing matched). The route adds a fixed floor to the answer time.
 */
import { uuidv7 } from '../../shared/ids';
import { programYearOf } from '../../shared/policy';
import type { ReEnrollResponse } from '../../shared/protocol';
import type { DatabaseHandle } from '../db/connect';
import { isRetryable } from '../db/errors';
import { Problem } from '../http/problem';
import { appendAudit } from '../queries/audit-log';
import { lockChangeSeq, nextChangeSeq } from '../queries/change-seq';
import { enrollmentOfYear, insertEnrollment } from '../queries/enrollments';
import { findStudentBySsid, findStudent } from '../queries/students';
import { answersMatch, type ReEnrollCandidate } from './re-enroll-rules';

/** A student id no student has: the stand-in read when nothing matched. */
const NOBODY = '00000000-0000-7000-8000-000000000000';
const NO_CANDIDATE: ReEnrollCandidate = { exists: false, deleted: false, lastName: '\u0000', dateOfBirth: '0000-00-00' };

const ATTEMPTS = 3;

/** The student's answers, already validated. */
export interface ReEnrollAnswers {
  lastName: string;
  dateOfBirth: string;
  ssid: string;
}

/** Re-enrolls, or throws the one `reEnrollFailed` problem. */
export async function reEnroll(handle: DatabaseHandle, answers: ReEnrollAnswers, now: Date): Promise<ReEnrollResponse> {
  const programYear = programYearOf(now.toISOString().slice(0, 10));
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await handle.db.transaction().execute(async (trx) => {
        const holder = await findStudentBySsid(trx, answers.ssid);
        // Take the holder's center's change lock before reading what we may change:
        // two sends of the same form must not both insert. (The answer floor hides the extra query.)
        if (holder) await lockChangeSeq(trx, holder.center_id);
        const student = await findStudent(trx, holder?.id ?? NOBODY);
        const candidate: ReEnrollCandidate = student
          ? { exists: true, deleted: student.deleted === 1, lastName: student.last_name, dateOfBirth: student.date_of_birth }
          : NO_CANDIDATE;
        const matched = answersMatch(candidate, answers);
        const existing = await enrollmentOfYear(trx, matched && student ? student.id : NOBODY, programYear);
        if (!matched || !student) return null;
        if (existing) return { programYear, waitingForApproval: existing.status !== 'approved' };

        const at = now.toISOString();
        const id = uuidv7(now.getTime());
        await insertEnrollment(trx, {
          id, student_id: student.id, center_id: student.center_id, program_year: programYear,
          // No paper application: the student's own answers are all there is.
          application: '{}',
          paf_status: 'missing', status: 'pending_approval', origin: 'student_online', version: 1, client_version: 0,
          updated_by: '', updated_by_device: '', confirmed_at: at, updated_seq: await nextChangeSeq(trx, student.center_id), created_at: at, updated_at: at,
        });
        await appendAudit(trx, { at, user_id: null, action: 'enrollment_reenrolled_online', entity: 'enrollment', entity_id: id, old_value: null, new_value: null });
        return { programYear, waitingForApproval: true };
      });
      if (outcome === null) throw new Problem('reEnrollFailed');
      return outcome;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
