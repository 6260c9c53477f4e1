/**
 * The records screen's data: every record, searchable in memory. The first
 * screenful (the records changed last, read through a plain index, so only
 * they are decrypted) draws at once; the whole list, decrypted, and its search
 * index follow after that first paint.
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

/** Matches for `query`, and whether the whole list has loaded (until then, matches among the first screenful). */
export function useRecordSearch(query: string): { loaded: boolean; total: number; matches: SearchEntry[]; failed: boolean } {
  const { store } = useServices();
  const { names } = useSchools();
  const painted = useAfterFirstPaint();
  const result = useLiveQuery(() => listApplications(store.db), [store], painted);
  const records = result.status === 'ready' ? result.data : null;
  const first = useLiveQuery(() => listRecentApplications(store.db, FIRST_SCREENFUL), [store], records === null);
  const shown = records ?? (first.status === 'ready' ? first.data : NONE);
  const index = useMemo(() => buildSearchIndex(shown, names), [shown, names]);
  const matches = useMemo(() => searchRecords(index, query), [index, query]);
  return { loaded: records !== null, total: records ? index.length : 0, matches, failed: result.status === 'error' || first.status === 'error' };
}
