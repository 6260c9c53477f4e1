/** Whether to show the "sync or export a backup" warning, live over the plain columns. */
import { useServices } from './context';
import { useLiveQuery } from './useLiveQuery';
import { oldestUnsyncedAt, shouldWarnUnsynced } from '../services/evictionWarning';

/** True when the oldest unsynced change is more than 5 days old. */
export function useEvictionWarning(now: () => number = Date.now): boolean {
  const { store } = useServices();
  const result = useLiveQuery(async () => {
    const [records, queued] = await Promise.all([
      store.db.applications.where('status').notEqual('synced').toArray(),
      store.db.outbox.toArray(),
    ]);
    return oldestUnsyncedAt(records, queued.map((row) => row.createdAt));
  }, [store]);
  return result.status === 'ready' && shouldWarnUnsynced(result.data, now());
}
