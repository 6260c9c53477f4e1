/** Queries on `users`. */
import type { Insertable, Selectable } from 'kysely';
import type { Dialect } from '../db/connect';
import type { UsersTable } from '../db/schema';
import type { Executor } from './executor';

export type UserRow = Selectable<UsersTable>;

/** Adds a user; the email must already be lower-case. */
export async function insertUser(db: Executor, user: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** The user with this (lower-case) email. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The user with this id. */
export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
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

/** Which of these user ids are users of the center (enabled or not: a keyer stays who they were). */
export async function centerUserIds(db: Executor, centerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('center_id', '=', centerId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The center's enabled advisors and administrators, id and display name only, by name: whom a tablet offers as keyers. */
export async function centerKeyers(db: Executor, centerId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('users').select(['id', 'name'])
    .where('center_id', '=', centerId).where('disabled', '=', 0).where('role', 'in', ['advisor', 'center_admin'])
    .orderBy('name').orderBy('id')
    .execute();
}

/** The center's staff accounts, by name. */
export async function centerUsers(db: Executor, centerId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('center_id', '=', centerId).orderBy('name').orderBy('email').execute();
}

/**
 * The center's enabled administrators, their rows locked until the transaction
 * ends on PostgreSQL, so two administrators disabling each other at once cannot
 * both pass the last-administrator check (SQLite's writers already run one at a time).
 */
export async function lockActiveAdmins(db: Executor, centerId: string, dialect: Dialect): Promise<string[]> {
  const query = db.selectFrom('users').select('id')
    .where('center_id', '=', centerId).where('role', '=', 'center_admin').where('disabled', '=', 0);
  const rows = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
  return rows.map((r) => r.id);
}

/** Disables (1) or re-enables (0) an account. */
export async function setUserDisabled(db: Executor, id: string, disabled: 0 | 1): Promise<void> {
  await db.updateTable('users').set({ disabled }).where('id', '=', id).execute();
}

/** Stores a new password hash; `mustChange` 1 for a one-time password. */
export async function setUserPassword(db: Executor, id: string, passwordHash: string, mustChange: 0 | 1): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', id).execute();
}
