/** Dexie's liveQuery as a hook: re-runs the query whenever the tables it read change. */
import { watchQuery } from '../db/live';
import { onTyping } from '../services/typingPause';
import { whenSideReadsAllowed } from '../services/sideReads';
import { useEffect, useState } from 'preact/hooks';

/** Result of a live query: data once loaded, or the error that stopped it. */
export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

function useWatchedQuery<T>(query: () => Promise<T>, deps: readonly unknown[], enabled: boolean, waitsForPause: boolean): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return undefined;
    let subscription: { unsubscribe: () => void } | null = null;
    let answered = false;
    const watch = () => {
      subscription ??= watchQuery(query, {
        next: (data) => {
          answered = true;
          setResult({ status: 'ready', data });
        },
        error: (error: unknown) => setResult({ status: 'error', error }),
      });
    };
    const hold = () => {
      subscription?.unsubscribe();
      subscription = null;
    };
    const stopWaiting = waitsForPause ? whenSideReadsAllowed(watch) : null;
    if (!waitsForPause) watch();
    // Typing holds only a query that has answered once: what is shown stays, and is read again at the pause.
    const onTypingChange = (typing: boolean) => {
      if (!typing) watch();
      else if (answered) hold();
    };
    const stopListening = waitsForPause ? onTyping(onTypingChange) : null;
    return () => {
      stopWaiting?.();
      stopListening?.();
      hold();
    };
    // The caller states what the query depends on, as with useEffect.
  }, [...deps, enabled]);
  return result;
}

/**
 * Subscribes to `query` while mounted and `enabled`; `deps` restart it like an
 * effect's dependencies. Disabled, it stays as it was (loading, until first enabled).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], enabled = true): LiveResult<T> {
  return useWatchedQuery(query, deps, enabled, false);
}

/**
 * useLiveQuery for what may lag the typing by a pause (the header's counts, the
 * sheet number): while the advisor types in the entry form it stops re-reading
 * after every autosave, and reads again once typing pauses (services/typingPause.ts);
 * it starts once the screen opened has drawn its content (services/sideReads.ts).
 */
export function usePausedLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], enabled = true): LiveResult<T> {
  return useWatchedQuery(query, deps, enabled, true);
}
