import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { createSyncServices, SyncContext } from '../../sync/context';

/**
 * Creates the sync services once for the app's store, starts the engine while
 * mounted and provides them to the sync hooks below it.
 */
export function SyncProvider({ children }: { children: ComponentChildren }) {
  const { store } = useServices();
  const services = useMemo(() => createSyncServices(store), [store]);
  useEffect(() => {
    services.engine.start();
    return () => services.engine.stop();
  }, [services]);
  return <SyncContext.Provider value={services}>{children}</SyncContext.Provider>;
}
