/** Where a form sits in its stack: "Sheet 4 of 25". */
import { useServices } from './context';
import { useLiveQuery } from './useLiveQuery';

/** The 1-based sheet number of `recordId` in its batch (the next free one for a new form) and the batch size. */
export function useBatchPosition(batchId: string | null, recordId: string | null): number | null {
  const { store } = useServices();
  const result = useLiveQuery(async () => {
    if (batchId === null) return null;
    const rows = await store.db.applications.where('batchId').equals(batchId).toArray();
    rows.sort((a, b) => a.createdAt - b.createdAt);
    const index = recordId === null ? -1 : rows.findIndex((r) => r.id === recordId);
    return index === -1 ? rows.length + 1 : index + 1;
  }, [store, batchId, recordId]);
  return result.status === 'ready' ? result.data : null;
}
