import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { createSyncServices, SyncContext } from '../../sync/context';

/**
 * Creates the sync services once for the app's store, starts the engine while
 * mounted and provides them to the sync hooks below it. `baseUrl` is the API's
 * origin: '' (same origin) in the app, the test server's address in tests.
 */
export function SyncProvider({ children, baseUrl = '' }: { children: ComponentChildren; baseUrl?: string }) {
  const { store } = useServices();
  const services = useMemo(() => createSyncServices(store, baseUrl), [store, baseUrl]);
  useEffect(() => {
    services.engine.start();
    return () => services.engine.stop();
  }, [services]);
  return <SyncContext.Provider value={services}>{children}</SyncContext.Provider>;
}
