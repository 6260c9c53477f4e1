/**
 * Runs work in the gap after a frame is drawn: a key press is drawn first, and
 * what it set off (the autosave and what the stored change wakes) runs while
 * the fingers travel to the next key, instead of delaying that key's frame
 * (keystroke latency at 4x CPU, issue 14).
 */

/** Cancels a task that has not run yet. */
export type Cancel = () => void;

/**
 * Runs `task` in a task queued from the next animation frame, so after that
 * frame is painted; or after `fallbackMs` when no frame comes (a hidden page,
 * or no rendering at all), so the task never waits on the screen. Returns the cancel.
 */
export function afterNextPaint(task: () => void, fallbackMs: number): Cancel {
  let frame: number | null = null;
  let queued: ReturnType<typeof setTimeout> | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    // Looked up when it runs: a page being torn down may have lost its frame functions.
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (queued !== null) clearTimeout(queued);
    if (fallback !== null) clearTimeout(fallback);
    frame = null;
    queued = null;
    fallback = null;
  };
  const run = () => {
    cancel();
    task();
  };
  fallback = setTimeout(run, fallbackMs);
  if (typeof requestAnimationFrame === 'function') {
    frame = requestAnimationFrame(() => {
      frame = null;
      queued = setTimeout(run, 0);
    });
  }
  return cancel;
}
