/**
 * Fixed-window limits over the database's attempt counters (queries/rate-limits):
 * one attempt counted per call, refused once the window's count is over `max`.
 */
import type { Executor } from '../queries/executor';
import { countAttempt } from '../queries/rate-limits';
import { Problem } from './problem';

/** At most `max` attempts per `windowMs`. */
export interface Limit {
  windowMs: number;
  max: number;
}

/** Counts one attempt against `key`; whether it went over the limit. */
export async function exceedsLimit(db: Executor, key: string, limit: Limit, now: Date): Promise<boolean> {
  return (await countAttempt(db, key, limit.windowMs, now)) > limit.max;
}

/** Counts one attempt against `key`; over the limit, answers 429 with retry-after the window's length. */
export async function enforceLimit(db: Executor, key: string, limit: Limit, now: Date): Promise<void> {
  if (await exceedsLimit(db, key, limit, now)) {
    throw new Problem('tooManyRequests', undefined, { 'retry-after': String(Math.ceil(limit.windowMs / 1000)) });
  }
}
