/**
 * Applies one SSID update inside the push transaction: reads the student and
 * the SSID's holder, lets `decideSsidUpdate` rule, and sets the SSID when it says so.
 */
import type { ResultOf, SsidUpdateMutation } from '../../shared/protocol';
import { appendAudit } from '../queries/audit-log';
import type { Executor } from '../queries/executor';
import { RETURN_CONFIRMED_ACTION } from '../queries/progress';
import { findStudent, findStudentBySsid } from '../queries/students';
import { setStudentSsid } from '../students/set-ssid';
import { decideSsidUpdate } from './decide-ssid-update';
import type { PushContext, ServerKind } from './push-batch';

/**
 * The SSID update kind on the server: it applies alone, so the run after it
 * sees the SSID it set.
 */
export const ssidUpdateKind: ServerKind<'ssid_update'> = {
  apply: (batch, mutation) => batch.alone(() => applySsidUpdate(batch.trx, batch.ctx, mutation)),
  ssid: (mutation) => mutation.ssid,
};

/** Applies `mutation` and answers with its result; `serverVersion` is the student's version. */
async function applySsidUpdate(trx: Executor, ctx: PushContext, mutation: SsidUpdateMutation): Promise<ResultOf<'ssid_update'>> {
  const { mutationId, recordId } = mutation;
  const student = await findStudent(trx, mutation.studentId);
  const owner = await findStudentBySsid(trx, mutation.ssid);
  const decision = decideSsidUpdate(mutation, {
    centerId: ctx.centerId,
    student: student && { centerId: student.center_id, deleted: student.deleted === 1, ssid: student.ssid },
    ssidOwnerId: owner?.id,
  });
  switch (decision.kind) {
    case 'rejected':
      return { mutationId, recordId, status: 'rejected', reason: decision.reason };
    case 'conflict':
      return { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message } };
    case 'unchanged':
      // A school's return agreeing with the SSID on record confirms it: the progress view counts this.
      if (mutation.source === 'school_records') {
        await appendAudit(trx, { at: ctx.now, user_id: ctx.userId, action: RETURN_CONFIRMED_ACTION, entity: 'student', entity_id: student!.id, old_value: null, new_value: null });
      }
      return { mutationId, recordId, status: 'applied', serverVersion: student!.version };
    case 'set': {
      const serverVersion = await setStudentSsid(trx, student!, {
        ssid: mutation.ssid, source: mutation.source, confirmedAt: mutation.confirmedAt, userId: ctx.userId, now: ctx.now,
      });
      return { mutationId, recordId, status: 'applied', serverVersion };
    }
  }
}
