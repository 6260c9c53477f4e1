/**
 * The change sequence behind pull checkpoints. Every write to a pulled table
 * takes the next number here, inside its transaction.
 *
 * Why a counter row and not a database sequence: taking the next value locks the
 * row until commit, so numbers are handed out in commit order. With a sequence, a
 * slow transaction could commit number 5 after a pull already moved its
 * checkpoint past 6, and that change would never reach the tablet.
 * Rule for writers: take the first number before reading rows you will change,
 * so that all writers queue on this one lock in the same order (no deadlocks).
 */
import type { Executor } from './executor';

/** The next change number; holds the counter's lock until the transaction ends. */
export async function nextChangeSeq(db: Executor): Promise<number> {
  const row = await db.updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'change')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** The latest change number handed out. */
export async function currentChangeSeq(db: Executor): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'change').executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Takes the counter's lock without using a number, for writers that first read,
 * then decide; returns the latest number handed out.
 */
export async function lockChangeSeq(db: Executor): Promise<number> {
  const row = await db.updateTable('counters')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('name', '=', 'change')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Moves the counter to `value`: for a writer holding the lock that numbered its changes itself. */
export async function setChangeSeq(db: Executor, value: number): Promise<void> {
  await db.updateTable('counters').set({ value }).where('name', '=', 'change').execute();
}
