/**
 * Reads a screen draws first go ahead of whole-table work started beside them.
 *
 * Right after unlock the header's "need fixing" count (setAsideRows.ts) reads
 * and opens every row of every store: on a tablet with 10,000 records that is
 * seconds of IndexedDB reads, decryption and main-thread work. The records
 * list's and the roster's first screenful need 40 rows; started at the same
 * moment, they used to wait behind all of it (the bench's "beside the header's
 * count" row). A first-screenful read runs inside `screenFirst`; whole-table
 * work calls `screenReadsDone` before it starts and between its slices, so it
 * waits while one is in flight. Nothing is dropped: the count only starts later.
 */

let inFlight = 0;
let waiting: (() => void)[] = [];

/** Runs `read`, a read a screen draws first, holding back `screenReadsDone` until it ends. */
export async function screenFirst<T>(read: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await read();
  } finally {
    inFlight -= 1;
    if (inFlight === 0) {
      const release = waiting;
      waiting = [];
      for (const resume of release) resume();
    }
  }
}

/**
 * Resolves once no first-screenful read is in flight. It always yields a task
 * first, so a screen mounted in the same render as the caller (the header and
 * the records list right after unlock) has started its read by the time this
 * looks. Inside a Dexie live query, await it through Promise.resolve (Dexie's
 * rule for non-Dexie promises), as every caller here does.
 */
export async function screenReadsDone(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (inFlight > 0) await new Promise<void>((resolve) => waiting.push(resolve));
}
