/** Where a form sits in its stack: "Sheet 4 of 25". */
import { useServices } from '../../hooks/context';
import { usePausedLiveQuery } from '../../hooks/useLiveQuery';
import { batchSheetOrder } from '../../db/plainColumns';

/** The 1-based sheet number of `recordId` in its batch (the next free one for a new form) and the batch size. */
export function useBatchPosition(batchId: string | null, recordId: string | null): number | null {
  const { store } = useServices();
  const result = usePausedLiveQuery(async () => {
    if (batchId === null) return null;
    const ids = await batchSheetOrder(store.db, batchId);
    const index = recordId === null ? -1 : ids.indexOf(recordId);
    return index === -1 ? ids.length + 1 : index + 1;
  }, [store, batchId, recordId]);
  return result.status === 'ready' ? result.data : null;
}
