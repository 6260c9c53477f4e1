/**
 * Savepoints inside a transaction, so one record's failed write can be undone
 * without losing the rest of the transaction (both SQLite and PostgreSQL speak
 * the same SQL for this).
 */
import { sql } from 'kysely';
import type { Executor } from './executor';

/** Runs `work` inside a savepoint: kept when it succeeds, rolled back and rethrown when it throws. */
export async function withSavepoint<T>(db: Executor, work: () => Promise<T>): Promise<T> {
  await sql`savepoint one_record`.execute(db);
  try {
    const result = await work();
    await sql`release savepoint one_record`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint one_record`.execute(db);
    await sql`release savepoint one_record`.execute(db);
    throw error;
  }
}
