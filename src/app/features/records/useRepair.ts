/**
 * The repair view's actions on one set-aside row. Apart from hooks/useSetAside.ts
 * (the header's count), so the repair code loads with the repair screen only.
 */
import { useCallback, useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { removeSetAside, repairApplication } from '../../db/repair';
import type { SetAsideRow, SetAsideTable } from '../../db/setAside';
import { findSetAside } from '../../db/setAsideRows';
import { describeSaveError } from '../../db/storageErrors';
import { useNavigate } from '../../hooks/useLocation';

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
