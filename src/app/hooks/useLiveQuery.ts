/** Dexie's liveQuery as a hook: re-runs the query whenever the tables it read change. */
import { watchQuery } from '../db/live';
import { useEffect, useState } from 'preact/hooks';

/** Result of a live query: data once loaded, or the error that stopped it. */
export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Subscribes to `query` while mounted and `enabled`; `deps` restart it like an
 * effect's dependencies. Disabled, it stays as it was (loading, until first enabled).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], enabled = true): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return undefined;
    const subscription = watchQuery(query, {
      next: (data) => setResult({ status: 'ready', data }),
      error: (error: unknown) => setResult({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // The caller states what the query depends on, as with useEffect.
  }, [...deps, enabled]);
  return result;
}
