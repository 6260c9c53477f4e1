/**
 * Applies one valid mutation inside the push transaction: reads what the server
 * holds (from the batch's state), lets `decide` rule, and writes the student and
 * enrollment when it says so (through the batch's writes).
 */
import type { Mutation, MutationResult } from '../../shared/protocol';
import type { EnrollmentStatus } from '../db/schema';
import type { EnrollmentState } from '../queries/enrollments';
import type { StudentRow } from '../queries/students';
import type { BatchState } from './batch-state';
import type { BatchWrites } from './batch-writes';
import { decide } from './decide';

/** Who is pushing, from where, and when. */
export interface PushContext {
  userId: string;
  centerId: string;
  deviceId: string;
  now: string;
}

/** Applies `mutation` and answers with its result. */
export async function applyMutation(state: BatchState, writes: BatchWrites, ctx: PushContext, mutation: Mutation): Promise<MutationResult> {
  const { mutationId, recordId, application } = mutation;
  const student = await state.student(mutation.studentId);
  const enrollment = await state.enrollment(recordId);
  const schoolInCenter = await state.schoolInCenter(application.schoolId);
  const ssidOwnerId = application.ssid === '' ? undefined : await state.ssidHolder(application.ssid);

  const decision = decide(mutation, {
    centerId: ctx.centerId,
    deviceId: ctx.deviceId,
    schoolInCenter,
    student: student && { centerId: student.center_id, deleted: student.deleted === 1 },
    enrollment: enrollment && { centerId: enrollment.center_id, version: enrollment.version, updatedByDevice: enrollment.updated_by_device },
    ssidOwnerId,
  });

  switch (decision.kind) {
    case 'rejected':
      return { mutationId, recordId, status: 'rejected', reason: decision.reason };
    case 'conflict':
      return decision.code === 'stale_version'
        ? { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message }, serverVersion: decision.serverVersion }
        : { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message } };
    case 'apply': {
      await writeStudent(state, writes, ctx, mutation, student, decision.assignSsid);
      const serverVersion = await writeEnrollment(state, writes, ctx, mutation, enrollment, decision.status);
      return { mutationId, recordId, status: 'applied', serverVersion };
    }
  }
}

async function writeStudent(state: BatchState, writes: BatchWrites, ctx: PushContext, mutation: Mutation, existing: StudentRow | undefined, assignSsid: boolean): Promise<void> {
  const a = mutation.application;
  const seq = writes.nextSeq();
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
  let written: StudentRow;
  if (existing) {
    const changes = { ...fields, ...ssidFields, version: existing.version + 1 };
    written = { ...existing, ...changes };
    await writes.writeStudent(existing.id, changes, null);
  } else {
    written = {
      id: mutation.studentId, center_id: ctx.centerId, ...fields,
      ssid: null, ssid_source: null, ssid_confirmed_at: null, ssid_confirmed_by: null, ...ssidFields,
      version: 1, deleted: 0, created_at: ctx.now,
    };
    await writes.writeStudent(written.id, {}, written);
  }
  state.studentWritten(written);
  const oldSsid = existing?.ssid ?? null;
  if (assignSsid && oldSsid !== a.ssid) {
    writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'ssid_changed', entity: 'student', entity_id: mutation.studentId, old_value: oldSsid, new_value: a.ssid });
  }
}

async function writeEnrollment(state: BatchState, writes: BatchWrites, ctx: PushContext, mutation: Mutation, existing: EnrollmentState | undefined, status: EnrollmentStatus): Promise<number> {
  const a = mutation.application;
  const seq = writes.nextSeq();
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
  const created = existing ? null : { id: mutation.recordId, center_id: ctx.centerId, ...fields, created_at: ctx.now };
  await writes.writeEnrollment(mutation.recordId, fields, created);
  state.enrollmentWritten({ id: mutation.recordId, center_id: existing?.center_id ?? ctx.centerId, version, updated_by_device: ctx.deviceId, status: fields.status });
  writes.audit({
    at: ctx.now, user_id: ctx.userId, action: existing ? 'enrollment_updated' : 'enrollment_created',
    entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: null,
  });
  if (status === 'needs_review') {
    // The SSID the paper gives is kept for the reviewer, since this student was not given it.
    writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'ssid_sent_to_review', entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: a.ssid });
  }
  return version;
}
