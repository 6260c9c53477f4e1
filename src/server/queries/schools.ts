/** Queries on `schools`. */
import type { Selectable } from 'kysely';
import type { SchoolsTable } from '../db/schema';
import type { Executor } from './executor';

export type SchoolRow = Selectable<SchoolsTable>;

/** Adds a school; `updated_seq` must come from nextChangeSeq. */
export async function insertSchool(db: Executor, school: SchoolRow): Promise<void> {
  await db.insertInto('schools').values(school).execute();
}

/** Which of these ids are live schools of this center: how a batch push checks its schools at once. */
export async function liveCenterSchoolIds(db: Executor, centerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('schools').select('id')
    .where('id', 'in', ids).where('center_id', '=', centerId).where('deleted', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A live school of this center, or undefined: how pushes check a school is the caller's. */
export async function findCenterSchool(db: Executor, centerId: string, id: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').selectAll()
    .where('id', '=', id).where('center_id', '=', centerId).where('deleted', '=', 0)
    .executeTakeFirst();
}

/** The center's schools changed after `seq`, deleted ones included. */
export async function schoolsChangedSince(db: Executor, centerId: string, seq: number): Promise<SchoolRow[]> {
  return db.selectFrom('schools').selectAll()
    .where('center_id', '=', centerId).where('updated_seq', '>', seq)
    .orderBy('updated_seq')
    .execute();
}

/** Marks a school deleted (kept, so tablets learn of it on their next pull). */
export async function softDeleteSchool(db: Executor, id: string, seq: number, now: string): Promise<void> {
  await db.updateTable('schools').set({ deleted: 1, updated_seq: seq, updated_at: now }).where('id', '=', id).execute();
}

/** All the center's schools, retired ones included, by name. */
export async function centerSchools(db: Executor, centerId: string): Promise<SchoolRow[]> {
  return db.selectFrom('schools').selectAll().where('center_id', '=', centerId).orderBy('name').execute();
}

/** A school of this center, retired or not. */
export async function findAnyCenterSchool(db: Executor, centerId: string, id: string): Promise<SchoolRow | undefined> {
  return db.selectFrom('schools').selectAll().where('id', '=', id).where('center_id', '=', centerId).executeTakeFirst();
}

/** Renames a school; `seq` from nextChangeSeq, so tablets pull the new name. */
export async function renameSchool(db: Executor, id: string, name: string, seq: number, now: string): Promise<void> {
  await db.updateTable('schools').set({ name, updated_seq: seq, updated_at: now }).where('id', '=', id).execute();
}
