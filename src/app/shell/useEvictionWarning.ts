/** Whether to show the "sync or export a backup" warning, live over the plain columns. */
import { useServices } from '../hooks/context';
import { usePausedLiveQuery } from '../hooks/useLiveQuery';
import { unsyncedSince } from '../db/plainColumns';
import { oldestUnsyncedAt, shouldWarnUnsynced } from '../services/evictionWarning';

/** True when the oldest unsynced change is more than 5 days old. */
export function useEvictionWarning(now: () => number = Date.now): boolean {
  const { store } = useServices();
  const result = usePausedLiveQuery(async () => {
    const { records, queuedAt } = await unsyncedSince(store.db);
    return oldestUnsyncedAt(records, queuedAt);
  }, [store]);
  return result.status === 'ready' && shouldWarnUnsynced(result.data, now());
}
