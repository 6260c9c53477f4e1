/** Queries on `enrollments`: one row per application record, per program year. */
import type { Selectable, Updateable } from 'kysely';
import type { EnrollmentsTable } from '../db/schema';
import type { Executor } from './executor';

export type EnrollmentRow = Selectable<EnrollmentsTable>;

/** The enrollment with this record id, in any center (callers check the center). */
export async function findEnrollment(db: Executor, id: string): Promise<EnrollmentRow | undefined> {
  return db.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds an enrollment. */
export async function insertEnrollment(db: Executor, enrollment: EnrollmentRow): Promise<void> {
  await db.insertInto('enrollments').values(enrollment).execute();
}

/** Changes an enrollment's columns. */
export async function updateEnrollment(db: Executor, id: string, changes: Updateable<EnrollmentsTable>): Promise<void> {
  await db.updateTable('enrollments').set(changes).where('id', '=', id).execute();
}

/** The enrollments of these students, newest program year first; without the application JSON. */
export async function enrollmentsOfStudents(db: Executor, studentIds: readonly string[]): Promise<Omit<EnrollmentRow, 'application'>[]> {
  if (studentIds.length === 0) return [];
  return db.selectFrom('enrollments')
    .select(['id', 'student_id', 'center_id', 'program_year', 'paf_status', 'status', 'version', 'client_version', 'updated_by', 'updated_by_device', 'confirmed_at', 'updated_seq', 'created_at', 'updated_at'])
    .where('student_id', 'in', studentIds)
    .orderBy('program_year', 'desc').orderBy('id')
    .execute();
}
