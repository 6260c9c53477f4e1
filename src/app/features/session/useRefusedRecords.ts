/**
 * Records the server refused or found in conflict: what the header counts. Apart
 * from useNeedsAttention.ts, so the re-queue code loads with that screen only.
 */
import type { LocalApplication } from '../../db/schema';
import { usePausedLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { useServices } from '../../hooks/context';
import { openRows } from '../../db/records';
import { refusedRows } from '../../db/plainColumns';

/** The records waiting for the advisor after a sync, newest change first. */
export function useRefusedRecords(): LiveResult<LocalApplication[]> {
  const { store } = useServices();
  return usePausedLiveQuery(
    async () => {
      const rows = await refusedRows(store.db);
      return (await openRows(store.db, rows)).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    [store],
  );
}
