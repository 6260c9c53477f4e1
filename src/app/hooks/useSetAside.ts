/** The rows set aside as unreadable (db/setAside.ts), live: the header's count and the records screen's list. */
import { useServices } from './context';
import { usePausedLiveQuery, type LiveResult } from './useLiveQuery';
import type { SetAsideRow } from '../db/setAside';
import { readSetAside } from '../db/setAsideRows';

/** Every set-aside row on the tablet (a batch's own are in useBatchReview); not read until `enabled`. */
export function useSetAside(enabled = true): LiveResult<SetAsideRow[]> {
  const { store } = useServices();
  return usePausedLiveQuery(() => readSetAside(store.db), [store], enabled);
}
