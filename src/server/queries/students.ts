/** Queries on `students`. */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { StudentsTable } from '../db/schema';
import { chunkedForInsert } from './chunked';
import type { Executor } from './executor';

export type StudentRow = Selectable<StudentsTable>;

/** The student with this id, in any center (callers check the center). */
export async function findStudent(db: Executor, id: string): Promise<StudentRow | undefined> {
  return db.selectFrom('students').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The student who holds this SSID, in any center: an SSID is one student's statewide. */
export async function findStudentBySsid(db: Executor, ssid: string): Promise<Pick<StudentRow, 'id' | 'center_id'> | undefined> {
  return db.selectFrom('students').select(['id', 'center_id']).where('ssid', '=', ssid).executeTakeFirst();
}

/** The students with these ids, in any center (callers check the center). */
export async function findStudents(db: Executor, ids: readonly string[]): Promise<StudentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('students').selectAll().where('id', 'in', ids).execute();
}

/** Who holds each of these SSIDs, in any center. */
export async function studentsHoldingSsids(db: Executor, ssids: readonly string[]): Promise<{ id: string; ssid: string }[]> {
  if (ssids.length === 0) return [];
  const rows = await db.selectFrom('students').select(['id', 'ssid']).where('ssid', 'in', ssids).execute();
  return rows.flatMap((r) => (r.ssid === null ? [] : [{ id: r.id, ssid: r.ssid }]));
}

/** Adds students in multi-row statements. */
export async function insertStudents(db: Executor, students: readonly StudentRow[]): Promise<void> {
  for (const chunk of chunkedForInsert(students, 18)) await db.insertInto('students').values(chunk).execute();
}

/** Adds a student. */
export async function insertStudent(db: Executor, student: StudentRow): Promise<void> {
  await db.insertInto('students').values(student).execute();
}

/** Changes a student's columns. */
export async function updateStudent(db: Executor, id: string, changes: Updateable<StudentsTable>): Promise<void> {
  await db.updateTable('students').set(changes).where('id', '=', id).execute();
}

/** The center's students changed after `seq`, oldest change first, deleted ones included. */
export async function rosterChangedSince(db: Executor, centerId: string, seq: number, limit: number): Promise<StudentRow[]> {
  return db.selectFrom('students').selectAll()
    .where('center_id', '=', centerId).where('updated_seq', '>', seq)
    .orderBy('updated_seq').limit(limit)
    .execute();
}

/**
 * The center's live students matching `query`: an exact SSID or School Student
 * ID, or a name prefix of first or last name (case-insensitive on both databases).
 */
export async function searchStudents(db: Executor, centerId: string, query: string, limit: number): Promise<StudentRow[]> {
  const q = query.trim();
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.selectFrom('students').selectAll()
    .where('center_id', '=', centerId).where('deleted', '=', 0)
    .$if(q !== '', (qb) => qb.where((eb) => eb.or([
      eb('ssid', '=', q),
      eb('school_student_id', '=', q),
      // ESCAPE spelled out: SQLite has no default escape character for LIKE.
      sql<boolean>`lower(last_name) like ${prefix} escape '\\'`,
      sql<boolean>`lower(first_name) like ${prefix} escape '\\'`,
    ])))
    .orderBy('last_name').orderBy('first_name').orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks a student deleted; the row stays so tablets learn of it on their next pull. */
export async function softDeleteStudent(db: Executor, id: string, seq: number, now: string): Promise<void> {
  await db.updateTable('students')
    .set((eb) => ({ deleted: 1, updated_seq: seq, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
