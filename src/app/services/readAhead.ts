/**
 * A screen's first read, made before the screen is drawn instead of as it
 * mounts: right after the unlock (startApp.tsx), while the unlock screen still
 * says "Unlocking…". The screen's first render then has its data, so the page
 * is laid out and painted once, with the form, not once with "Loading…" and
 * again with the form (cold start, issue 14). A read made ahead is kept only
 * for the render that draws the app: `dropReadsAhead` forgets whatever that
 * render did not take, so no later screen can start from an old read.
 */

/** A read made ahead: its answer once it has one. */
interface Ahead {
  answer?: { value: unknown };
}

const ahead = new Map<string, Ahead>();

/**
 * Starts `read` for the screen that will ask for `key`; resolves when it has
 * answered (a failed read is dropped: the screen reads again and shows why).
 */
export function readAhead(key: string, read: () => Promise<unknown>): Promise<void> {
  const entry: Ahead = {};
  ahead.set(key, entry);
  return read().then(
    (value) => {
      entry.answer = { value };
    },
    () => {
      if (ahead.get(key) === entry) ahead.delete(key);
    },
  );
}

/** The answer read ahead for `key`, once: null when none was made or it has not answered yet. */
export function takeReadAhead<T>(key: string): { value: T } | null {
  const entry = ahead.get(key);
  if (!entry?.answer) return null;
  ahead.delete(key);
  return entry.answer as { value: T };
}

/** Forgets every read made ahead that no screen took. */
export function dropReadsAhead(): void {
  ahead.clear();
}
