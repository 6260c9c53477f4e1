/**
 * Queries on `rate_limits`: fixed-window attempt counters kept in the database,
 * because the server holds no state in memory and may run as several instances.
 */
import { sql } from 'kysely';
import type { Executor } from './executor';

/** No limit's window is longer than this; a counter older than it counts for nothing and is purged. */
export const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the counters whose window ended long ago, so the table holds only
 * live ones (each attempt a stranger makes would otherwise leave a row for
 * good). Sign-in calls it; never inside a push, whose transaction would then
 * wait on other centers' rows.
 */
export async function purgeExpiredAttempts(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString()).execute();
}

/**
 * Counts one attempt against `key` in a window of `windowMs` (at most
 * LONGEST_WINDOW_MS); returns the attempts in the current window.
 */
export async function countAttempt(db: Executor, key: string, windowMs: number, now: Date): Promise<number> {
  if (windowMs > LONGEST_WINDOW_MS) throw new Error(`A rate-limit window may be at most ${LONGEST_WINDOW_MS} ms.`);
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
