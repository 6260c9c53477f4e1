/**
 * Live queries: Dexie's liveQuery re-runs a read whenever the tables it read
 * change, in this tab or another. Callers above db/ watch reads through here,
 * so that only db/ depends on Dexie.
 */
import { liveQuery } from 'dexie';

/** What a watcher hears: each new result, or the error that stopped the query. */
export interface Watcher<T> {
  next: (value: T) => void;
  error: (error: unknown) => void;
}

/** Runs `query` now and again after every change to what it read; call unsubscribe() to stop. */
export function watchQuery<T>(query: () => Promise<T>, watcher: Watcher<T>): { unsubscribe: () => void } {
  return liveQuery(query).subscribe(watcher);
}
