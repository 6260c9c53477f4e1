/** Queries on `users`. */
import type { Selectable } from 'kysely';
import type { UsersTable } from '../db/schema';
import type { Executor } from './executor';

export type UserRow = Selectable<UsersTable>;

/** Adds a user; the email must already be lower-case. */
export async function insertUser(db: Executor, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** The user with this (lower-case) email. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** How many users exist: zero means a fresh database. */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The display name of the user with this id, if there is one. */
export async function userName(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
