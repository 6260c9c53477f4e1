/** What every screen's hooks need, handed down once from main.tsx. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from '../db/connection';
import type { Router } from '../router';

/** The open database connections and the router. */
export interface AppServices {
  store: Store;
  router: Router;
}

export const AppContext = createContext<AppServices | null>(null);

/** The app's services; throws if a component is rendered outside the provider. */
export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices: render inside <AppContext.Provider>.');
  return services;
}
