/** The rows set aside as unreadable (db/setAside.ts), live, and the repair view's actions on one of them. */
import { useCallback, useState } from 'preact/hooks';
import { paths } from '../paths';
import { useServices } from './context';
import { useLiveQuery, usePausedLiveQuery, type LiveResult } from './useLiveQuery';
import { removeSetAside, repairApplication } from '../db/repair';
import type { SetAsideRow, SetAsideTable } from '../db/setAside';
import { findSetAside, readSetAside } from '../db/setAsideRows';
import { describeSaveError } from '../db/storageErrors';
import { useNavigate } from './useLocation';

/** Every set-aside row on the tablet (a batch's own are in useBatchReview). */
export function useSetAside(): LiveResult<SetAsideRow[]> {
  const { store } = useServices();
  return usePausedLiveQuery(() => readSetAside(store.db), [store]);
}

/** One set-aside row for the repair view, with "correct it in the form" and "remove it". */
export function useRepair(table: SetAsideTable, key: string): {
  row: LiveResult<SetAsideRow | null>;
  correct: () => Promise<void>;
  remove: () => Promise<void>;
  busy: boolean;
  message: string | null;
} {
  const { store } = useServices();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const row = useLiveQuery(async () => (await findSetAside(store.db, table, key))?.row ?? null, [store, table, key]);

  const act = useCallback(
    async (action: () => Promise<string>) => {
      setBusy(true);
      setMessage(null);
      try {
        navigate(await action(), { replace: true });
      } catch (error) {
        setMessage(error instanceof Error && error.name === 'RepairRaceError' ? error.message : describeSaveError(error));
      } finally {
        setBusy(false);
      }
    },
    [navigate],
  );
  const correct = useCallback(
    () =>
      act(async () => {
        await repairApplication(store.db, key);
        return paths.record(key);
      }),
    [act, store, key],
  );
  const remove = useCallback(
    () =>
      act(async () => {
        await removeSetAside(store.db, table, key);
        return paths.records();
      }),
    [act, store, table, key],
  );
  return { row, correct, remove, busy, message };
}
