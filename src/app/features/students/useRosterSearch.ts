/**
 * The students screen's data: the local roster, searchable offline. The first
 * screenful (read through the roster's stored order, so only its rows are
 * decrypted: db/rosterOrder.ts) draws at once; the whole roster, decrypted,
 * and its search index follow after that first paint, and the stored order is
 * put right from it if it was missing or wrong.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { readRoster, readRosterFirstScreenful } from '../../db/roster';
import { keepRosterOrder } from '../../db/rosterOrder';
import { useServices } from '../../hooks/context';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useSchools } from '../../hooks/useSchools';
import { buildRosterIndex, searchRoster, wholeSsidsIn, type RosterSearchEntry } from './rosterSearch';
import { useSsidHashes } from './useSsidHashes';

const NONE: readonly never[] = [];

/** Matches for `query`, the roster's size, and whether the whole roster has loaded (until then, matches among the first screenful) or failed. */
export function useRosterSearch(query: string): { loaded: boolean; failed: boolean; total: number; matches: RosterSearchEntry[] } {
  const { store } = useServices();
  const { names } = useSchools();
  const painted = useAfterFirstPaint();
  const result = useLiveQuery(() => readRoster(store.db), [store], painted);
  const entries = result.status === 'ready' ? result.data : null;
  const first = useLiveQuery(() => readRosterFirstScreenful(store.db), [store], entries === null);
  const shown = entries ?? (first.status === 'ready' ? (first.data ?? NONE) : NONE);
  const index = useMemo(() => buildRosterIndex(shown, names), [shown, names]);
  useEffect(() => {
    // Only a faster first screen next time depends on it: a failure (the vault locking meanwhile) leaves the order to the next read.
    if (entries) keepRosterOrder(store.db, index.map((e) => e.entry)).catch(() => undefined);
  }, [store, entries, index]);
  const ssids = useMemo(() => wholeSsidsIn(query), [query]);
  const hashes = useSsidHashes(ssids);
  const matches = useMemo(() => searchRoster(index, query, hashes), [index, query, hashes]);
  return { loaded: entries !== null, failed: result.status === 'error' || (entries === null && first.status === 'error'), total: entries ? index.length : 0, matches };
}
