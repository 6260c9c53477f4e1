/** Queries on `enrollments`: one row per application record, per program year. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { EnrollmentsTable } from '../db/schema';
import { chunkedForInsert } from './chunked';
import type { Executor } from './executor';

export type EnrollmentRow = Selectable<EnrollmentsTable>;

/** The columns lists need: everything but the application and verification JSON and who keyed it. */
const SUMMARY_COLUMNS = [
  'id', 'student_id', 'center_id', 'program_year', 'paf_status', 'status', 'version', 'client_version', 'updated_by',
  'updated_by_device', 'confirmed_at', 'updated_seq', 'created_at', 'updated_at', 'origin', 'approved_at', 'approved_by',
] as const;
export type EnrollmentSummaryRow = Omit<
  EnrollmentRow,
  'application' | 'duplicate_of' | 'verification' | 'entered_by' | 'verified_by' | 'fields_differed' | 'ssid_differed' | 'keyed_by' | 'keyed_on_device' | 'verify_batch' | 'verify_sheet' | 'verify_fields'
>;

/** The enrollment with this record id, in any center (callers check the center). */
export async function findEnrollment(db: Executor, id: string): Promise<EnrollmentRow | undefined> {
  return db.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The application an enrollment holds, as stored (JSON text), if there is one. */
export async function findEnrollmentApplication(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('enrollments').select('application').where('id', '=', id).executeTakeFirst())?.application;
}

/** What a push needs to know of an existing enrollment. */
export type EnrollmentState = Pick<
  EnrollmentRow,
  'id' | 'center_id' | 'version' | 'updated_by_device' | 'status' | 'student_id' | 'program_year' | 'origin' | 'approved_at' | 'approved_by'
  | 'keyed_by' | 'keyed_on_device' | 'verify_batch' | 'verify_fields'
>;

const STATE_COLUMNS = [
  'id', 'center_id', 'version', 'updated_by_device', 'status', 'student_id', 'program_year', 'origin', 'approved_at', 'approved_by',
  'keyed_by', 'keyed_on_device', 'verify_batch', 'verify_fields',
] as const;

/** The enrollments with these record ids, in any center (callers check the center). */
export async function findEnrollmentStates(db: Executor, ids: readonly string[]): Promise<EnrollmentState[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('enrollments').select(STATE_COLUMNS).where('id', 'in', ids).execute();
}

/** Every enrollment of these students that counts for one-per-year (not one set aside as a duplicate by migration 003). */
export async function countedEnrollmentsOf(db: Executor, studentIds: readonly string[]): Promise<EnrollmentState[]> {
  if (studentIds.length === 0) return [];
  return db.selectFrom('enrollments').select(STATE_COLUMNS).where('student_id', 'in', studentIds).where('duplicate_of', 'is', null).execute();
}

/** Removes an enrollment: only an online re-enrollment that a paper application replaced. */
export async function deleteEnrollment(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('enrollments').where('id', '=', id).execute();
}

/** Adds enrollments in multi-row statements; origin defaults to the tablet. */
export async function insertEnrollments(db: Executor, enrollments: readonly Insertable<EnrollmentsTable>[]): Promise<void> {
  for (const chunk of chunkedForInsert(enrollments, 20)) await db.insertInto('enrollments').values(chunk).execute();
}

/** Adds an enrollment; origin defaults to the tablet. */
export async function insertEnrollment(db: Executor, enrollment: Insertable<EnrollmentsTable>): Promise<void> {
  await db.insertInto('enrollments').values(enrollment).execute();
}

/** Changes an enrollment's columns. */
export async function updateEnrollment(db: Executor, id: string, changes: Updateable<EnrollmentsTable>): Promise<void> {
  await db.updateTable('enrollments').set(changes).where('id', '=', id).execute();
}

/** The enrollments of these students, newest program year first; without the application JSON. */
export async function enrollmentsOfStudents(db: Executor, studentIds: readonly string[]): Promise<EnrollmentSummaryRow[]> {
  if (studentIds.length === 0) return [];
  return db.selectFrom('enrollments')
    .select(SUMMARY_COLUMNS)
    .where('student_id', 'in', studentIds)
    .orderBy('program_year', 'desc').orderBy('id')
    .execute();
}

/** The student's enrollment for a program year, if any (never one set aside as a duplicate). */
export async function enrollmentOfYear(db: Executor, studentId: string, programYear: string): Promise<EnrollmentSummaryRow | undefined> {
  return db.selectFrom('enrollments')
    .select(SUMMARY_COLUMNS)
    .where('student_id', '=', studentId).where('program_year', '=', programYear).where('duplicate_of', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
}

/** A pending enrollment with the student it is for. */
export interface PendingRow extends EnrollmentSummaryRow {
  first_name: string;
  last_name: string;
  date_of_birth: string;
  grade: string;
  school_id: string;
  ssid: string | null;
}

/** The center's enrollments waiting for approval (from tablets and online), oldest first. */
export async function pendingEnrollments(db: Executor, centerId: string, limit: number): Promise<PendingRow[]> {
  return db.selectFrom('enrollments')
    .innerJoin('students', 'students.id', 'enrollments.student_id')
    .select(SUMMARY_COLUMNS.map((c) => `enrollments.${c}` as const))
    .select(['students.first_name', 'students.last_name', 'students.date_of_birth', 'students.grade', 'students.school_id', 'students.ssid'])
    .where('enrollments.center_id', '=', centerId)
    .where('enrollments.status', 'in', ['submitted', 'pending_approval'])
    .where('students.deleted', '=', 0)
    .orderBy('enrollments.created_at').orderBy('enrollments.id')
    .limit(limit)
    .execute();
}

/** A sheet waiting for a second keyer on another tablet, with the name of who typed it. */
export interface SheetToVerifyRow {
  id: string;
  student_id: string;
  version: number;
  application: string;
  confirmed_at: string;
  verify_batch: string;
  verify_sheet: number | null;
  verify_fields: string | null;
  keyed_by: string;
  keyed_by_name: string;
}

/**
 * The center's sheets that wait for a second keyer, but for those the caller
 * typed or that were typed on the caller's tablet, by batch and place in the
 * stack; at most `limit`.
 */
export async function sheetsToVerify(db: Executor, centerId: string, caller: { userId: string; deviceId: string }, limit: number): Promise<SheetToVerifyRow[]> {
  const rows = await db.selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.keyed_by')
    .select([
      'enrollments.id', 'enrollments.student_id', 'enrollments.version', 'enrollments.application', 'enrollments.confirmed_at',
      'enrollments.verify_batch', 'enrollments.verify_sheet', 'enrollments.verify_fields', 'enrollments.keyed_by', 'users.name as keyed_by_name',
    ])
    .where('enrollments.center_id', '=', centerId)
    .where('enrollments.verify_batch', 'is not', null)
    .where('enrollments.keyed_by', '<>', caller.userId)
    .where('enrollments.keyed_on_device', '<>', caller.deviceId)
    .orderBy('enrollments.verify_batch').orderBy('enrollments.verify_sheet').orderBy('enrollments.id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.verify_batch !== null && r.keyed_by !== null ? [{ ...r, verify_batch: r.verify_batch, keyed_by: r.keyed_by }] : []));
}

/** A version of one of this tablet's sheets that a second keyer verified on another tablet. */
export type VerifiedElsewhereRow = Pick<EnrollmentRow, 'id' | 'version' | 'application' | 'verification' | 'updated_seq'>;

/**
 * The verified versions, changed in (since, upTo], of sheets first typed on
 * `deviceId` and last written by another device: what that tablet has not seen.
 */
export async function verifiedElsewhereSince(db: Executor, centerId: string, deviceId: string, since: number, upTo: number): Promise<VerifiedElsewhereRow[]> {
  return db.selectFrom('enrollments')
    .select(['id', 'version', 'application', 'verification', 'updated_seq'])
    .where('center_id', '=', centerId)
    .where('keyed_on_device', '=', deviceId)
    .where('updated_by_device', '<>', deviceId)
    .where('verification', 'is not', null)
    .where('updated_seq', '>', since).where('updated_seq', '<=', upTo)
    .orderBy('updated_seq')
    .execute();
}

/**
 * The verification (JSON) of the student's most recently changed paper, if it
 * carries one. Every paper applied writes the student's fields, so an older
 * paper's verification never vouches for them once a later one was typed once;
 * a re-enrollment online carries no paper and changes none of them.
 */
export async function latestPaperVerificationOf(db: Executor, studentId: string): Promise<string | undefined> {
  const row = await db.selectFrom('enrollments').select('verification')
    .where('student_id', '=', studentId).where('origin', '=', 'tablet')
    .orderBy('updated_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.verification ?? undefined;
}
