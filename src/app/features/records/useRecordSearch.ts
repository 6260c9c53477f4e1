/**
 * The records screen's data: every record, searchable in memory. The first
 * screenful (the records changed last, read through a plain index, so only
 * they are decrypted) draws at once; the whole list, decrypted, and its search
 * index follow after that first paint. Until then the search covers only the
 * first screenful, and says so (`indexing`), so it never silently misses a record.
 */
import { useMemo } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useSchools } from '../../hooks/useSchools';
import { listApplications, listRecentApplications } from '../../db/applications';
import { buildSearchIndex, searchRecords, type SearchEntry } from '../../model/search';

/** Records drawn before the whole list is read: more rows than a tablet's screen shows. */
export const FIRST_SCREENFUL = 40;

const NONE: readonly never[] = [];

/** What the records screen shows. */
export interface RecordSearch {
  /** Whether the search covers every record (until then, only the first screenful). */
  loaded: boolean;
  /** Records in the list once loaded; before, the rows stored (null until even those are counted). */
  total: number | null;
  /** While the whole list is still being read: how many records the search covers so far. */
  indexing: { searched: number } | null;
  matches: SearchEntry[];
  failed: boolean;
}

/** Matches for `query` among every record, or among the first screenful while the rest is read. */
export function useRecordSearch(query: string): RecordSearch {
  const { store } = useServices();
  const { names } = useSchools();
  const painted = useAfterFirstPaint();
  const result = useLiveQuery(() => listApplications(store.db), [store], painted);
  const records = result.status === 'ready' ? result.data : null;
  const first = useLiveQuery(() => listRecentApplications(store.db, FIRST_SCREENFUL), [store], records === null);
  const recent = first.status === 'ready' ? first.data : null;
  // A first screenful that holds every stored row is the whole list already.
  const complete = recent !== null && recent.records.length === recent.stored;
  const shown = records ?? recent?.records ?? NONE;
  const index = useMemo(() => buildSearchIndex(shown, names), [shown, names]);
  const matches = useMemo(() => searchRecords(index, query), [index, query]);
  const loaded = records !== null || complete;
  return {
    loaded,
    total: loaded ? index.length : (recent?.stored ?? null),
    indexing: !loaded && recent !== null ? { searched: index.length } : null,
    matches,
    failed: result.status === 'error' || first.status === 'error',
  };
}
