/**
 * Applies one SSID update inside the push transaction: reads the student and
 * the SSID's holder, lets `decideSsidUpdate` rule, and sets the SSID when it says so.
 */
import type { MutationResult, SsidUpdateMutation } from '../../shared/protocol';
import type { Executor } from '../queries/executor';
import { findStudent, findStudentBySsid } from '../queries/students';
import { setStudentSsid } from '../students/set-ssid';
import type { PushContext } from './apply-mutation';
import { decideSsidUpdate } from './decide-ssid-update';

/** Applies `mutation` and answers with its result; `serverVersion` is the student's version. */
export async function applySsidUpdate(trx: Executor, ctx: PushContext, mutation: SsidUpdateMutation): Promise<MutationResult> {
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
      return { mutationId, recordId, status: 'applied', serverVersion: student!.version };
    case 'set': {
      const serverVersion = await setStudentSsid(trx, student!, {
        ssid: mutation.ssid, source: mutation.source, confirmedAt: mutation.confirmedAt, userId: ctx.userId, now: ctx.now,
      });
      return { mutationId, recordId, status: 'applied', serverVersion };
    }
  }
}
