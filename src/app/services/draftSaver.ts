/**
 * Saves a form as it is typed: right after the frame that shows a change is
 * drawn (afterNextPaint), so the write and what it wakes run between key
 * presses, not in front of the next one; changes made before that frame, or
 * during a write, go in one write. A flush on demand (blur, page hidden,
 * "Update now", Ctrl+Enter) writes at once. The newest value is kept in memory
 * until a write succeeds, so a failed save (storage full) loses nothing: the
 * next change, flush or retry() writes it.
 */
import { afterNextPaint, type Cancel } from './afterNextPaint';


/** What the advisor is told about saving. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

export interface DraftSaverOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: SaveState) => void;
  describeError: (error: unknown) => string;
  /** The longest a change waits for a frame (none come while the page is hidden). */
  delayMs?: number;
}

/** A debounced, flushable saver for one form. */
export interface DraftSaver<T> {
  /** Remember the newest value and write it soon. */
  schedule(value: T): void;
  /** Write whatever is pending now; resolves true when everything is stored, false when a write failed. */
  flush(): Promise<boolean>;
  /** Write whatever is pending (a failed write included) once the next frame is drawn. */
  flushSoon(): void;
  /** True while a value is waiting or being written. */
  hasPending(): boolean;
  /** The value not yet confirmed stored, if any (for a synchronous last-chance copy at unload). */
  pendingValue(): T | null;
  /** Stop waiting to write (the component is going away); pending values are flushed first by the caller. */
  dispose(): void;
}

/** Makes a saver. Writes never overlap: a value that arrives mid-write is written next. */
export function createDraftSaver<T>({ save, onState, describeError, delayMs = 120 }: DraftSaverOptions<T>): DraftSaver<T> {
  let pending: { value: T } | null = null;
  let waiting: Cancel | null = null;
  let running: Promise<boolean> | null = null;

  const clearTimer = () => {
    waiting?.();
    waiting = null;
  };

  /** Writes the newest value; with `all`, again until nothing newer is left. */
  const write = async (all: boolean): Promise<boolean> => {
    do {
      const { value } = pending!;
      onState({ kind: 'saving' });
      try {
        await save(value);
      } catch (error) {
        onState({ kind: 'error', message: describeError(error) });
        return false;
      }
      // Only forget the value if nothing newer arrived while it was written.
      if (pending?.value === value) pending = null;
    } while (all && pending);
    // A change made during the write has its own wait for the next frame.
    onState(pending ? { kind: 'pending' } : { kind: 'saved', at: Date.now() });
    return true;
  };

  const writePending = async (all: boolean): Promise<boolean> => {
    // Two callers may wait on the same write: the first to wake starts the next one, the other waits on it.
    while (running) await running;
    if (!pending) return true;
    running = write(all).finally(() => {
      running = null;
    });
    return running;
  };

  const flush = (): Promise<boolean> => {
    clearTimer();
    return writePending(true);
  };

  const writeAfterPaint = () => {
    // One write for every change until the frame: a new change does not push it back.
    waiting ??= afterNextPaint(() => {
      waiting = null;
      void writePending(false);
    }, delayMs);
  };

  return {
    schedule(value) {
      pending = { value };
      onState({ kind: 'pending' });
      writeAfterPaint();
    },
    flush,
    flushSoon() {
      if (pending) writeAfterPaint();
    },
    hasPending: () => pending !== null || running !== null,
    pendingValue: () => pending?.value ?? null,
    dispose: clearTimer,
  };
}
