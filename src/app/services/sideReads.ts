/**
 * Reads that may lag (the header's counts, the sheet number: usePausedLiveQuery)
 * start once the screen the advisor opened has drawn what they came for, so
 * their reads and redraws do not sit between the passphrase and a form that
 * takes typing (cold start, issue 14: at 4x CPU they took about 35 ms of that
 * way). A screen with such a first draw holds them back while it loads; with no
 * hold they start at once, and no hold lasts longer than HOLD_AT_MOST_MS.
 */

/** The longest a screen may hold the side reads back (a read that never answers). */
export const HOLD_AT_MOST_MS = 2000;

let holds = 0;
const waiting = new Set<() => void>();

function releaseOne(): void {
  holds -= 1;
  if (holds > 0) return;
  const starts = [...waiting];
  waiting.clear();
  for (const start of starts) start();
}

/** Holds the side reads back until the returned release is called (again is harmless), or HOLD_AT_MOST_MS. */
export function holdSideReads(): () => void {
  holds += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    releaseOne();
  };
  const timer = setTimeout(release, HOLD_AT_MOST_MS);
  return release;
}

/** Runs `start` now, or once no screen holds the side reads back; returns the function that stops waiting. */
export function whenSideReadsAllowed(start: () => void): () => void {
  if (holds === 0) {
    start();
    return () => {};
  }
  waiting.add(start);
  return () => waiting.delete(start);
}
