/**
 * The idle lock setting: the vault's current delay, and saving a new one to the
 * meta table (read again at the next start) while applying it at once.
 */
import { useCallback, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { saveIdleMinutes } from '../../db/meta';

/** The idle lock delay in minutes and the function that changes it. */
export function useIdleLock(): { minutes: number; save: (minutes: number) => Promise<void> } {
  const { store } = useServices();
  const [minutes, setMinutes] = useState(() => store.vault.idleMinutes());
  const save = useCallback(
    async (next: number) => {
      await saveIdleMinutes(store.db, next);
      store.vault.setIdleMinutes(next);
      setMinutes(next);
    },
    [store],
  );
  return { minutes, save };
}
