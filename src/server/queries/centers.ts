/** Queries on `centers`. */
import type { Selectable } from 'kysely';
import type { CentersTable } from '../db/schema';
import type { Executor } from './executor';

export type Center = Selectable<CentersTable>;

/** Adds a center. */
export async function insertCenter(db: Executor, center: Center): Promise<void> {
  await db.insertInto('centers').values(center).execute();
}

/** The center with this id. */
export async function findCenter(db: Executor, id: string): Promise<Center | undefined> {
  return db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The center with this id or, failing that, this exact name (for the admin command). */
export async function findCenterByIdOrName(db: Executor, idOrName: string): Promise<Center | undefined> {
  return (await findCenter(db, idOrName)) ?? db.selectFrom('centers').selectAll().where('name', '=', idOrName).executeTakeFirst();
}
