/**
 * Screens off the advisor's way to the first sheet (batches, a new batch, entry) are split
 * into their own chunks and fetched on first use, so a tablet downloads less
 * before it can take the first application. The service worker precaches every
 * chunk, so offline after the first visit they still open.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A screen loaded on first use; `preload` fetches it ahead, so its first render draws it at once. */
export type LazyScreen<P extends object> = ComponentType<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * A component that loads `load()`'s screen on first render (or at `preload`)
 * and shows a short loading state until then; later renders use the loaded screen at once.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    // A failed fetch is forgotten so that the next visit to the screen tries again.
    loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function Lazy(props: P) {
    const [screen, setScreen] = useState<{ component: ComponentType<P> | null; failed: boolean }>({ component: loaded, failed: false });
    useEffect(() => {
      if (screen.component) return;
      let live = true;
      start().then(
        (component) => live && setScreen({ component, failed: false }),
        (error: unknown) => {
          console.error('A screen could not be loaded', error instanceof Error ? error.name : typeof error);
          if (live) setScreen({ component: null, failed: true });
        },
      );
      return () => {
        live = false;
      };
    }, [screen.component]);

    const Screen = screen.component;
    if (Screen) return <Screen {...props} />;
    return (
      <section class="screen" aria-busy={!screen.failed}>
        <p class="muted" role={screen.failed ? 'alert' : 'status'}>
          {screen.failed ? 'This screen could not be opened. Check the connection and reload the page.' : 'Loading…'}
        </p>
      </section>
    );
  }
  return Object.assign(Lazy, { preload: start });
}
