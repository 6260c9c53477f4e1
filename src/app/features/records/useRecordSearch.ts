/** The records screen's data: every record, searchable in memory. */
import { useMemo } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useSchools } from '../../hooks/useSchools';
import { listApplications } from '../../db/applications';
import { buildSearchIndex, searchRecords, type SearchEntry } from '../../model/search';

/** Matches for `query`, and whether the records have loaded. */
export function useRecordSearch(query: string): { loaded: boolean; total: number; matches: SearchEntry[]; failed: boolean } {
  const { store } = useServices();
  const { names } = useSchools();
  const result = useLiveQuery(() => listApplications(store.db), [store]);
  const records = result.status === 'ready' ? result.data : null;
  const index = useMemo(() => (records ? buildSearchIndex(records, names) : []), [records, names]);
  const matches = useMemo(() => searchRecords(index, query), [index, query]);
  return { loaded: records !== null, total: index.length, matches, failed: result.status === 'error' };
}
