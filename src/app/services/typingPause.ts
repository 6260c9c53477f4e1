/**
 * Whether the advisor is typing in the entry form right now. Work that can
 * wait for a pause in the typing (the header's counts, re-read after every
 * autosave) waits for one, so it does not run between two key presses and
 * delay the next key's frame (keystroke latency at 4x CPU, issue 14).
 */

/** No change for this long is a pause: longer than the gap between a typist's keys, short enough that counts still look current. */
export const TYPING_PAUSE_MS = 600;

/** Told `true` on every change typed, `false` once typing pauses. */
export type TypingListener = (typing: boolean) => void;

const listeners = new Set<TypingListener>();
let lastTypedAt = 0;
let pauseTimer: ReturnType<typeof setTimeout> | null = null;

function watchForPause(delayMs: number): void {
  pauseTimer = setTimeout(() => {
    const quietFor = Date.now() - lastTypedAt;
    // One timer per burst, not one per key: it looks again if a key came since it was set.
    if (quietFor < TYPING_PAUSE_MS) {
      watchForPause(TYPING_PAUSE_MS - quietFor);
      return;
    }
    pauseTimer = null;
    for (const listener of [...listeners]) listener(false);
  }, delayMs);
}

/** A change was typed: listeners hear `true` now and `false` once no change has come for TYPING_PAUSE_MS. */
export function noteTyping(): void {
  lastTypedAt = Date.now();
  if (pauseTimer === null) watchForPause(TYPING_PAUSE_MS);
  for (const listener of [...listeners]) listener(true);
}

/** True from a typed change until the pause after it. */
export function isTyping(): boolean {
  return pauseTimer !== null;
}

/** Calls `listener` on every typed change and at every pause; returns the unsubscribe function. */
export function onTyping(listener: TypingListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
