/**
 * PAF approval (POST /api/enrollments/:id/approve): one transaction that checks
 * the SSID policy, sets an SSID typed by the advisor, and approves.
 */
import type { ApproveEnrollmentResponse } from '../../shared/protocol';
import { ssidRequiredFor } from '../../shared/policy';
import type { DatabaseHandle } from '../db/connect';
import { isRetryable } from '../db/errors';
import { Problem } from '../http/problem';
import { appendAudit } from '../queries/audit-log';
import { lockChangeSeq, nextChangeSeq } from '../queries/change-seq';
import { findEnrollment, updateEnrollment } from '../queries/enrollments';
import { ssidPolicyFor } from '../queries/ssid-policy';
import { findStudent, findStudentBySsid } from '../queries/students';
import { setStudentSsid } from '../students/set-ssid';
import { mayDiscloseSsidHolder, SSID_DISCLOSURE_LIMIT } from '../students/ssid-disclosure';
import { decideApproval } from './approval-rules';

/** The signed-in advisor approving. */
export interface Approver {
  userId: string;
  centerId: string;
  deviceId: string;
}

const ATTEMPTS = 3;

/** Approves the enrollment, or throws the Problem that says why not (notFound for another center's). */
export async function approveEnrollment(handle: DatabaseHandle, caller: Approver, enrollmentId: string, ssid: string | undefined): Promise<ApproveEnrollmentResponse> {
  const outcome = await approveOrFindHolder(handle, caller, enrollmentId, ssid);
  if (!('takenBy' in outcome)) return outcome;
  // After the transaction, which wrote nothing: the audit entry and the count must stay.
  const allowed = await mayDiscloseSsidHolder(handle.db, caller, outcome.takenBy, new Date());
  throw new Problem(allowed ? 'ssidTaken' : 'tooManyRequests', undefined, allowed ? {} : { 'retry-after': String(SSID_DISCLOSURE_LIMIT.windowMs / 1000) });
}

/** Approves in one transaction; or, when another student holds the typed SSID, names that student. */
async function approveOrFindHolder(
  handle: DatabaseHandle, caller: Approver, enrollmentId: string, ssid: string | undefined,
): Promise<ApproveEnrollmentResponse | { takenBy: { id: string; center_id: string } }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        // Take the center's change lock before reading rows we may change (see change-seq.ts).
        await lockChangeSeq(trx, caller.centerId);
        const enrollment = await findEnrollment(trx, enrollmentId);
        if (!enrollment || enrollment.center_id !== caller.centerId) throw new Problem('notFound');
        const student = await findStudent(trx, enrollment.student_id);
        if (!student || student.deleted === 1) throw new Problem('notFound');
        const policy = await ssidPolicyFor(trx, caller.centerId);
        const owner = ssid === undefined ? undefined : await findStudentBySsid(trx, ssid);

        const decision = decideApproval({
          status: enrollment.status,
          studentSsid: student.ssid,
          suppliedSsid: ssid,
          ssidRequired: ssidRequiredFor(enrollment.program_year, policy),
          suppliedSsidOwnerId: owner?.id,
          studentId: student.id,
        });
        const summary = { id: enrollment.id, programYear: enrollment.program_year, pafStatus: enrollment.paf_status };
        if (decision.kind === 'refuse' && decision.problem === 'ssidTaken' && owner) return { takenBy: owner };
        if (decision.kind === 'refuse') throw new Problem(decision.problem);
        if (decision.kind === 'already_approved') {
          return { enrollment: { ...summary, status: 'approved', version: enrollment.version }, ssidLast4: student.ssid?.slice(-4) ?? null };
        }

        if (decision.setSsid !== undefined) {
          await setStudentSsid(trx, student, { ssid: decision.setSsid, source: 'student_form', confirmedAt: now, userId: caller.userId, now });
        }
        const version = enrollment.version + 1;
        await updateEnrollment(trx, enrollment.id, {
          status: 'approved', paf_status: 'signed', version, updated_by: caller.userId, updated_by_device: caller.deviceId,
          approved_at: now, approved_by: caller.userId, updated_seq: await nextChangeSeq(trx, caller.centerId), updated_at: now,
        });
        await appendAudit(trx, { at: now, user_id: caller.userId, action: 'enrollment_approved', entity: 'enrollment', entity_id: enrollment.id, old_value: enrollment.status, new_value: 'approved' });
        const ssidNow = decision.setSsid ?? student.ssid;
        return {
          enrollment: { ...summary, status: 'approved', pafStatus: 'signed', version },
          ssidLast4: ssidNow?.slice(-4) ?? null,
          ...(decision.promptForSsid ? { prompt: 'ssid_missing' as const } : {}),
        };
      });
    } catch (error) {
      // Lost a race for the same SSID: run again and see the other commit.
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
