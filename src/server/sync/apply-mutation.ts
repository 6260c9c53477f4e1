/**
 * Applies one valid mutation inside the push transaction: reads what the server
 * holds (from the batch's state), lets `decide` rule, and writes the student and
 * enrollment when it says so (through the batch's writes).
 */
import type { Mutation, ResultOf } from '../../shared/protocol';
import { addedFieldsIn, disagreements, VERIFIABLE_FIELDS } from '../../shared/verification-record';
import { verifiedValuesOf } from '../../shared/verify-sheet';
import type { EnrollmentStatus } from '../db/schema';
import type { EnrollmentState } from '../queries/enrollments';
import type { StudentRow } from '../queries/students';
import type { BatchState } from './batch-state';
import type { BatchWrites } from './batch-writes';
import { decide } from './decide';
import { parseJson } from '../db/stored-json';
import type { PushContext, ServerKind } from './push-batch';

/** The application kind on the server: a run of applications shares one read state and gathers its writes. */
export const applicationKind: ServerKind<'application'> = {
  apply: async (batch, mutation, run) => applyMutation(await batch.readState(run), batch.writes, batch.ctx, mutation),
  ssid: (mutation) => mutation.application.ssid,
};

/** Applies `mutation` and answers with its result. */
async function applyMutation(state: BatchState, writes: BatchWrites, ctx: PushContext, mutation: Mutation): Promise<ResultOf<'application'>> {
  const { mutationId, recordId, application } = mutation;
  const student = await state.student(mutation.studentId);
  const enrollment = await state.enrollment(recordId);
  const schoolInCenter = await state.schoolInCenter(application.schoolId);
  const ownerId = application.ssid === '' ? undefined : await state.ssidHolder(application.ssid);
  const owner = ownerId === undefined ? undefined : await state.student(ownerId);
  const mayBeFor = [...new Set([mutation.studentId, enrollment?.student_id, owner?.id].filter((id) => id !== undefined))];
  const yearEnrollments = await state.yearEnrollments(mayBeFor, application.programYear);
  const { verification } = mutation;
  const keyersInCenter = verification === undefined || await state.usersInCenter([verification.enteredBy, verification.verifiedBy, verification.signedInAs]);
  const centerVerification = await state.centerVerification();
  // The stored paper is read only where rule 2b can ask for it.
  const needsStored = centerVerification.policy === 'required' && verification === undefined && enrollment !== undefined;
  const storedKeyed = needsStored ? await state.keyedValues(recordId) : undefined;

  const decision = decide(mutation, {
    centerId: ctx.centerId,
    deviceId: ctx.deviceId,
    schoolInCenter,
    keyersInCenter,
    verification: centerVerification,
    storedKeyed,
    student: student && { centerId: student.center_id, deleted: student.deleted === 1 },
    enrollment: enrollment && {
      centerId: enrollment.center_id, version: enrollment.version, updatedByDevice: enrollment.updated_by_device, studentId: enrollment.student_id,
      ...(enrollment.verify_batch !== null && enrollment.keyed_by !== null
        ? { awaitingVerifierOf: enrollment.keyed_by, awaitingFields: addedFieldsIn(parseJson(enrollment.verify_fields)) }
        : {}),
    },
    ssidOwner: owner && {
      id: owner.id, centerId: owner.center_id, deleted: owner.deleted === 1,
      firstName: owner.first_name, middleName: owner.middle_name, lastName: owner.last_name, dateOfBirth: owner.date_of_birth,
    },
    yearEnrollments: yearEnrollments.map((e) => ({ id: e.id, studentId: e.student_id, origin: e.origin })),
  });

  switch (decision.kind) {
    case 'rejected':
      return { mutationId, recordId, status: 'rejected', reason: decision.reason };
    case 'conflict':
      if (decision.code === 'stale_version') {
        return { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message }, serverVersion: decision.serverVersion };
      }
      return { mutationId, recordId, status: 'conflict', reason: { code: decision.code, message: decision.message, ...('fields' in decision ? { fields: decision.fields } : {}) } };
    case 'apply': {
      const { studentId } = decision;
      if (studentId !== mutation.studentId && !enrollment) {
        // The paper is linked to a student the center already had (decide.ts rule 3c): who, never their name or SSID.
        writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'paper_linked_to_student', entity: 'enrollment', entity_id: recordId, old_value: mutation.studentId, new_value: studentId });
      }
      const target = studentId === mutation.studentId ? student : await state.student(studentId);
      await writeStudent(state, writes, ctx, mutation, studentId, target, decision.assignSsid);
      const replaced = yearEnrollments.find((e) => e.id === decision.replaces);
      if (replaced) {
        await writes.removeEnrollment(replaced.id);
        state.enrollmentRemoved(replaced);
        writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'enrollment_completed_by_paper', entity: 'enrollment', entity_id: recordId, old_value: replaced.id, new_value: null });
      }
      const serverVersion = await writeEnrollment(state, writes, ctx, { mutation, studentId, existing: enrollment, replaced }, decision.status);
      return { mutationId, recordId, status: 'applied', serverVersion };
    }
  }
}

async function writeStudent(
  state: BatchState, writes: BatchWrites, ctx: PushContext, mutation: Mutation, studentId: string, existing: StudentRow | undefined, assignSsid: boolean,
): Promise<void> {
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
    ? {
      ssid: a.ssid, ssid_source: mutation.ssidSource ?? (a.ssidSource === '' ? null : a.ssidSource), ssid_confirmed_at: mutation.confirmedAt, ssid_confirmed_by: ctx.userId,
      ...ssidKeyers(mutation, existing),
    }
    : {};
  let written: StudentRow;
  if (existing) {
    const changes = { ...fields, ...ssidFields, version: existing.version + 1 };
    written = { ...existing, ...changes };
    await writes.writeStudent(existing.id, changes, null);
  } else {
    written = {
      id: studentId, center_id: ctx.centerId, ...fields,
      ssid: null, ssid_source: null, ssid_confirmed_at: null, ssid_confirmed_by: null, ssid_entered_by: null, ssid_verified_by: null, ssid_second_look_by: null, ...ssidFields,
      version: 1, deleted: 0, created_at: ctx.now,
    };
    await writes.writeStudent(written.id, {}, written);
  }
  state.studentWritten(written);
  const oldSsid = existing?.ssid ?? null;
  if (assignSsid && oldSsid !== a.ssid) {
    writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'ssid_changed', entity: 'student', entity_id: studentId, old_value: oldSsid, new_value: a.ssid });
  }
}

/**
 * Who keyed the SSID being assigned: a verified version names both keyers, and
 * whoever read it on the paper at a second look; an unverified one typed it
 * once, unless it only repeats the SSID a second keyer already verified (an
 * edit of another field does not unverify the number).
 */
function ssidKeyers(mutation: Mutation, existing: StudentRow | undefined): Partial<Pick<StudentRow, 'ssid_entered_by' | 'ssid_verified_by' | 'ssid_second_look_by'>> {
  const { verification } = mutation;
  if (verification) {
    const look = verification.fields.find((f) => f.field === 'ssid')?.secondLook;
    return { ssid_entered_by: verification.enteredBy, ssid_verified_by: verification.verifiedBy, ssid_second_look_by: look?.by ?? null };
  }
  if (existing?.ssid === mutation.application.ssid) return {};
  return { ssid_entered_by: null, ssid_verified_by: null, ssid_second_look_by: null };
}

/** The enrollment a mutation writes: for which student, over which row (if any), and the online one it replaces (if any). */
interface EnrollmentTarget {
  mutation: Mutation;
  studentId: string;
  existing: EnrollmentState | undefined;
  replaced: EnrollmentState | undefined;
}

async function writeEnrollment(state: BatchState, writes: BatchWrites, ctx: PushContext, target: EnrollmentTarget, status: EnrollmentStatus): Promise<number> {
  const { mutation, studentId, existing, replaced } = target;
  const a = mutation.application;
  const seq = writes.nextSeq();
  const version = (existing?.version ?? 0) + 1;
  const before = existing ?? replaced;
  const fields = {
    student_id: studentId,
    program_year: a.programYear,
    application: JSON.stringify(a),
    paf_status: a.pafSignedDate === '' ? 'missing' : 'signed',
    // A corrected version of an approved enrollment stays approved, and so does an approved re-enrollment a paper completes.
    status: before?.status === 'approved' && status === 'submitted' ? 'approved' : status,
    version,
    client_version: mutation.version,
    updated_by: ctx.userId,
    updated_by_device: ctx.deviceId,
    confirmed_at: mutation.confirmedAt,
    updated_seq: seq,
    updated_at: ctx.now,
    ...verificationColumns(mutation),
    ...keyingColumns(mutation, ctx, existing),
  } as const;
  const approval = fields.status === 'approved' && replaced ? { approved_at: replaced.approved_at, approved_by: replaced.approved_by } : {};
  const created = existing ? null : { id: mutation.recordId, center_id: ctx.centerId, ...fields, ...approval, created_at: ctx.now };
  await writes.writeEnrollment(mutation.recordId, fields, created);
  state.keyedWritten(mutation.recordId, verifiedValuesOf(a, VERIFIABLE_FIELDS));
  state.enrollmentWritten({
    id: mutation.recordId, center_id: existing?.center_id ?? ctx.centerId, version, updated_by_device: ctx.deviceId, status: fields.status,
    student_id: studentId, program_year: a.programYear, origin: existing?.origin ?? 'tablet',
    approved_at: existing?.approved_at ?? created?.approved_at ?? null, approved_by: existing?.approved_by ?? created?.approved_by ?? null,
    keyed_by: fields.keyed_by, keyed_on_device: fields.keyed_on_device, verify_batch: fields.verify_batch, verify_fields: fields.verify_fields,
  });
  writes.audit({
    at: ctx.now, user_id: ctx.userId, action: existing ? 'enrollment_updated' : 'enrollment_created',
    entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: null,
  });
  if (mutation.verification) {
    // Who keyed and who verified (ids, never a keyed value): the record's own trail of the check.
    writes.audit({
      at: ctx.now, user_id: ctx.userId, action: 'enrollment_verified', entity: 'enrollment', entity_id: mutation.recordId,
      old_value: mutation.verification.enteredBy, new_value: mutation.verification.verifiedBy,
    });
  }
  if (status === 'needs_review') {
    // The SSID the paper gives is kept for the reviewer, since this student was not given it.
    writes.audit({ at: ctx.now, user_id: ctx.userId, action: 'ssid_sent_to_review', entity: 'enrollment', entity_id: mutation.recordId, old_value: null, new_value: a.ssid });
  }
  return version;
}

/** The verification columns of the version written: a version without one was typed once, whatever came before it. */
function verificationColumns(mutation: Mutation) {
  const { verification } = mutation;
  if (!verification) return { verification: null, entered_by: null, verified_by: null, fields_differed: null, ssid_differed: null };
  const differed = disagreements(verification);
  return {
    verification: JSON.stringify(verification),
    entered_by: verification.enteredBy,
    verified_by: verification.verifiedBy,
    fields_differed: differed.fields,
    ssid_differed: differed.ssid ? 1 : 0,
  };
}

/**
 * Who typed the version written and on which tablet, and whether it waits for
 * a second keyer elsewhere. A verified version names its first keyer and keeps
 * the tablet the sheet was typed on, so the verification goes back there at its
 * next pull; a version typed once was typed by the caller, here.
 */
function keyingColumns(mutation: Mutation, ctx: PushContext, existing: EnrollmentState | undefined) {
  const { verification, verifyElsewhere } = mutation;
  if (verification) {
    return { keyed_by: verification.enteredBy, keyed_on_device: existing?.keyed_on_device ?? ctx.deviceId, verify_batch: null, verify_sheet: null, verify_fields: null };
  }
  const added = verifyElsewhere?.fields ?? [];
  return {
    keyed_by: ctx.userId, keyed_on_device: ctx.deviceId, verify_batch: verifyElsewhere?.batchId ?? null, verify_sheet: verifyElsewhere?.sheet ?? null,
    verify_fields: added.length === 0 ? null : JSON.stringify(added),
  };
}
