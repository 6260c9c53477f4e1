/**
 * Saves a form as it is typed: at most one write per `delayMs` of typing, and a
 * flush on demand (blur, page hidden, "Update now", Ctrl+Enter). The newest value
 * is kept in memory until a write succeeds, so a failed save (storage full) loses
 * nothing: the next change, flush or retry() writes it.
 */

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
  delayMs?: number;
}

/** A debounced, flushable saver for one form. */
export interface DraftSaver<T> {
  /** Remember the newest value and write it soon. */
  schedule(value: T): void;
  /** Write whatever is pending now; resolves true when everything is stored, false when a write failed. */
  flush(): Promise<boolean>;
  /** True while a value is waiting or being written. */
  hasPending(): boolean;
  /** The value not yet confirmed stored, if any (for a synchronous last-chance copy at unload). */
  pendingValue(): T | null;
  /** Stop the timer (the component is going away); pending values are flushed first by the caller. */
  dispose(): void;
}

/** Makes a saver. Writes never overlap: a value that arrives mid-write is written next. */
export function createDraftSaver<T>({ save, onState, describeError, delayMs = 120 }: DraftSaverOptions<T>): DraftSaver<T> {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<boolean> | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const writeAll = async (): Promise<boolean> => {
    while (pending) {
      const { value } = pending;
      onState({ kind: 'saving' });
      try {
        await save(value);
      } catch (error) {
        onState({ kind: 'error', message: describeError(error) });
        return false;
      }
      // Only forget the value if nothing newer arrived while it was written.
      if (pending?.value === value) pending = null;
    }
    onState({ kind: 'saved', at: Date.now() });
    return true;
  };

  const flush = async (): Promise<boolean> => {
    clearTimer();
    if (running) await running;
    if (!pending) return true;
    running = writeAll().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    schedule(value) {
      pending = { value };
      onState({ kind: 'pending' });
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        void flush();
      }, delayMs);
    },
    flush,
    hasPending: () => pending !== null || running !== null,
    pendingValue: () => pending?.value ?? null,
    dispose: clearTimer,
  };
}
