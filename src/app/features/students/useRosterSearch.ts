/** The students screen's data: the local roster, searchable offline. */
import { useMemo } from 'preact/hooks';
import { readRoster } from '../../db/roster';
import { useServices } from '../../hooks/context';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useSchools } from '../../hooks/useSchools';
import { buildRosterIndex, searchRoster, wholeSsidsIn, type RosterSearchEntry } from './rosterSearch';
import { useSsidHashes } from './useSsidHashes';

/** Matches for `query`, the roster's size, and whether it has loaded or failed. */
export function useRosterSearch(query: string): { loaded: boolean; failed: boolean; total: number; matches: RosterSearchEntry[] } {
  const { store } = useServices();
  const { names } = useSchools();
  const result = useLiveQuery(() => readRoster(store.db), [store]);
  const entries = result.status === 'ready' ? result.data : null;
  const index = useMemo(() => (entries ? buildRosterIndex(entries, names) : []), [entries, names]);
  const ssids = useMemo(() => wholeSsidsIn(query), [query]);
  const hashes = useSsidHashes(ssids);
  const matches = useMemo(() => searchRoster(index, query, hashes), [index, query, hashes]);
  return { loaded: entries !== null, failed: result.status === 'error', total: index.length, matches };
}
