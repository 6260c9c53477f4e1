/**
 * The change sequences behind pull checkpoints: one per center, since a pull
 * only ever reads one center's schools and roster. Every write to a pulled table
 * takes the next number of its center's sequence, inside its transaction.
 *
 * Why a counter row and not a database sequence: taking the next value locks the
 * row until commit, so numbers are handed out in commit order. With a sequence, a
 * slow transaction could commit number 5 after a pull already moved its
 * checkpoint past 6, and that change would never reach the tablet.
 * Why one per center: that lock serializes the writers of one center only, so
 * pushes from different centers (and server processes) run side by side.
 * Rule for writers: take the first number before reading rows you will change,
 * so that a center's writers queue on its one lock in the same order (no deadlocks).
 *
 * A center's counter is made on its first write, starting where the one shared
 * counter of earlier versions stopped (`change`), so no center's numbers go back
 * and every checkpoint handed out before stays valid.
 */
import type { Executor } from './executor';

const SHARED = 'change';

function counterOf(centerId: string): string {
  return `change:${centerId}`;
}

async function bump(db: Executor, centerId: string, by: number): Promise<number | undefined> {
  const row = await db.updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', by) }))
    .where('name', '=', counterOf(centerId))
    .returning('value')
    .executeTakeFirst();
  return row?.value;
}

/** Moves the center's counter by `by` (0 just locks it) and returns its new value; holds its lock until the transaction ends. */
async function bumpCreating(db: Executor, centerId: string, by: number): Promise<number> {
  const moved = await bump(db, centerId, by);
  if (moved !== undefined) return moved;
  const start = await db.selectFrom('counters').select('value').where('name', '=', SHARED).executeTakeFirstOrThrow();
  await db.insertInto('counters').values({ name: counterOf(centerId), value: start.value })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const made = await bump(db, centerId, by);
  if (made === undefined) throw new Error('the change counter could not be created');
  return made;
}

/** The center's next change number; holds its counter's lock until the transaction ends. */
export async function nextChangeSeq(db: Executor, centerId: string): Promise<number> {
  return bumpCreating(db, centerId, 1);
}

/** The latest change number handed out in the center. */
export async function currentChangeSeq(db: Executor, centerId: string): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', 'in', [counterOf(centerId), SHARED])
    .orderBy('value', 'desc').executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Takes the center's counter lock without using a number, for writers that
 * first read, then decide; returns the latest number handed out.
 */
export async function lockChangeSeq(db: Executor, centerId: string): Promise<number> {
  return bumpCreating(db, centerId, 0);
}

/** Moves the center's counter to `value`: for a writer holding its lock that numbered its changes itself. */
export async function setChangeSeq(db: Executor, centerId: string, value: number): Promise<void> {
  await db.updateTable('counters').set({ value }).where('name', '=', counterOf(centerId)).execute();
}
