/**
 * Queries on `rate_limits`: fixed-window attempt counters kept in the database,
 * because the server holds no state in memory and may run as several instances.
 */
import { sql } from 'kysely';
import type { Executor } from './executor';

/** Counts one attempt against `key` in a window of `windowMs`; returns the attempts in the current window. */
export async function countAttempt(db: Executor, key: string, windowMs: number, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - windowMs).toISOString();
  // One statement, so concurrent attempts cannot both read the old count.
  const row = await db.insertInto('rate_limits')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      count: sql<number>`case when rate_limits.window_start > ${windowOpenedAfter} then rate_limits.count + 1 else 1 end`,
      window_start: sql<string>`case when rate_limits.window_start > ${windowOpenedAfter} then rate_limits.window_start else ${nowIso} end`,
    }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Forgets the attempts against `key` (after a success). */
export async function clearAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
