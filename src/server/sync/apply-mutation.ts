/**
 * Applies one valid mutation inside the push transaction: reads what the server
 * holds, lets `decide` rule, and writes the student and enrollment when it says so.
 */
import type { Mutation, MutationResult } from '../../shared/protocol';
import type { EnrollmentStatus } from '../db/schema';
import { appendAudit } from '../queries/audit-log';
import { nextChangeSeq } from '../queries/change-seq';
import { findEnrollment, insertEnrollment, updateEnrollment, type EnrollmentRow } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { findCenterSchool } from '../queries/schools';
import { findStudent, findStudentBySsid, insertStudent, updateStudent, type StudentRow } from '../queries/students';
import { decide } from './decide';

/** Who is pushing, from where, and when. */
export interface PushContext {
  userId: string;
  centerId: string;
  deviceId: string;
  now: string;
}

/** Applies `mutation` and answers with its result. */
export async function applyMutation(trx: Executor, ctx: PushContext, mutation: Mutation): Promise<MutationResult> {
  const { mutationId, recordId, application } = mutation;
  const student = await findStudent(trx, mutation.studentId);
  const enrollment = await findEnrollment(trx, recordId);
  const school = await findCenterSchool(trx, ctx.centerId, application.schoolId);
  const ssidOwner = application.ssid === '' ? undefined : await findStudentBySsid(trx, application.ssid);

  const decision = decide(mutation, {
    centerId: ctx.centerId,
    deviceId: ctx.deviceId,
    schoolInCenter: school !== undefined,
    student: student && { centerId: student.center_id, deleted: student.deleted === 1 },
    enrollment: enrollment && { centerId: enrollment.center_id, version: enrollment.version, updatedByDevice: enrollment.updated_by_device },
    ssidOwnerId: ssidOwner?.id,
  });

  switch (decision.kind) {
    case 'rejected':
      return { mutationId, recordId, status: 'rejected', reason: decision.reason };
    case 'conflict':
      return decision.code === 'stale_version'
        ? { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message }, serverVersion: decision.serverVersion }
        : { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message } };
    case 'apply': {
      await writeStudent(trx, ctx, mutation, student, decision.assignSsid);
      const serverVersion = await writeEnrollment(trx, ctx, mutation, enrollment, decision.status);
      return { mutationId, recordId, status: 'applied', serverVersion };
    }
  }
}

async function writeStudent(trx: Executor, ctx: PushContext, mutation: Mutation, existing: StudentRow | undefined, assignSsid: boolean): Promise<void> {
  const a = mutation.application;
  const seq = await nextChangeSeq(trx);
  const fields = {
    first_name: a.firstName,
    middle_name: a.middleName.trim(),
    last_name: a.lastName,
    date_of_birth: a.dateOfBirth,
    grade: a.grade,
    school_id: a.schoolId,
    school_student_id: a.schoolStudentId.trim(),
    updated_seq: seq,
    updated_at: ctx.now,
  };
  // An application without an SSID never clears one the server already knows.
  const ssidFields = assignSsid
    ? { ssid: a.ssid, ssid_source: mutation.ssidSource ?? (a.ssidSource === '' ? null : a.ssidSource), ssid_confirmed_at: mutation.confirmedAt, ssid_confirmed_by: ctx.userId }
    : {};
  if (existing) {
    await updateStudent(trx, existing.id, { ...fields, ...ssidFields, version: existing.version + 1 });
  } else {
    await insertStudent(trx, {
      id: mutation.studentId, center_id: ctx.centerId, ...fields,
      ssid: null, ssid_source: null, ssid_confirmed_at: null, ssid_confirmed_by: null, ...ssidFields,
      version: 1, deleted: 0, created_at: ctx.now,
    });
  }
  const oldSsid = existing?.ssid ?? null;
  if (assignSsid && oldSsid !== a.ssid) {
    await appendAudit(trx, { at: ctx.now, user_id: ctx.userId, action: 'ssid_changed', entity: 'student', entity_id: mutation.studentId, old_value: oldSsid, new_value: a.ssid });
  }
}

async function writeEnrollment(trx: Executor, ctx: PushContext, mutation: Mutation, existing: EnrollmentRow | undefined, status: EnrollmentStatus): Promise<number> {
  const a = mutation.application;
  const seq = await nextChangeSeq(trx);
  const version = (existing?.version ?? 0) + 1;
  const fields = {
    student_id: mutation.studentId,
    program_year: a.programYear,
    application: JSON.stringify(a),
    paf_status: a.pafSignedDate === '' ? 'missing' : 'signed',
    // A corrected version of an approved enrollment stays approved.
    status: existing?.status === 'approved' && status === 'submitted' ? 'approved' : status,
    version,
    client_version: mutation.version,
    updated_by: ctx.userId,
    updated_by_device: ctx.deviceId,
    confirmed_at: mutation.confirmedAt,
    updated_seq: seq,
    updated_at: ctx.now,
  } as const;
  if (existing) await updateEnrollment(trx, existing.id, fields);
  else await insertEnrollment(trx, { id: mutation.recordId, center_id: ctx.centerId, ...fields, created_at: ctx.now });
  await appendAudit(trx, {
    at: ctx.now, user_id: ctx.userId, action: existing ? 'enrollment_updated' : 'enrollment_created',
    entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: null,
  });
  if (status === 'needs_review') {
    // The SSID the paper gives is kept for the reviewer, since this student was not given it.
    await appendAudit(trx, { at: ctx.now, user_id: ctx.userId, action: 'ssid_sent_to_review', entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: a.ssid });
  }
  return version;
}
