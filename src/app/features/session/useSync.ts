/** The sync engine's state as a hook, for the status bar and progress bar. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useSyncServices } from '../../sync/context';
import type { SyncState } from '../../sync/engine';

/** The engine's state, kept current while mounted, and a "Sync now" action. */
export function useSync(): { state: SyncState; syncNow: () => Promise<void> } {
  const { engine } = useSyncServices();
  const [state, setState] = useState<SyncState>(engine.getState());
  useEffect(() => {
    // The state may have moved between the first render and this subscription.
    setState(engine.getState());
    return engine.subscribe(setState);
  }, [engine]);
  const syncNow = useCallback(() => engine.syncNow(), [engine]);
  return { state, syncNow };
}
