import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { createSyncServices, SyncContext, type SyncServices } from '../../sync/context';

/**
 * Creates the sync services once for the app's store, starts the engine while
 * mounted and provides them to the sync hooks below it. `baseUrl` is the API's
 * origin: '' (same origin) in the app, the test server's address in tests.
 * `made`: services created before the tree (a sign-in on the first screen used them).
 */
export function SyncProvider({ children, baseUrl = '', made }: { children: ComponentChildren; baseUrl?: string; made?: SyncServices }) {
  const { store } = useServices();
  const services = useMemo(() => made ?? createSyncServices(store, baseUrl), [made, store, baseUrl]);
  useEffect(() => {
    services.engine.start();
    return () => services.engine.stop();
  }, [services]);
  return <SyncContext.Provider value={services}>{children}</SyncContext.Provider>;
}
