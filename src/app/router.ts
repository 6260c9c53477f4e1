/**
 * A small history-API router (the server falls back to index.html for any
 * non-/api path, and so does the service worker offline).
 * `key` changes on every push and back/forward, not on replace: a screen keyed
 * by it starts fresh on navigation but survives a URL rewrite of itself.
 */

/** Where the app is. */
export interface Location {
  path: string;
  key: number;
}

type Listener = (location: Location) => void;

/** The app's navigation state over window.history. */
export interface Router {
  current(): Location;
  navigate(path: string, options?: { replace?: boolean }): void;
  subscribe(listener: Listener): () => void;
}

/** Creates the router for a window. */
export function createRouter(win: Window = window): Router {
  let location: Location = { path: win.location.pathname, key: 0 };
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l(location));

  win.addEventListener('popstate', () => {
    location = { path: win.location.pathname, key: location.key + 1 };
    emit();
  });

  return {
    current: () => location,
    navigate(path, options = {}) {
      if (options.replace) {
        win.history.replaceState(null, '', path);
        location = { path, key: location.key };
      } else {
        win.history.pushState(null, '', path);
        location = { path, key: location.key + 1 };
      }
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Matches `/batches/:id` style patterns; returns the named parts or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}
