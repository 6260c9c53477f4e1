/**
 * The service worker's update cycle, in prompt mode: a new version waits until
 * the advisor presses "Update now", and every form's typing is written to the
 * store before the page reloads into it.
 */
import { flushAllDrafts } from '../services/pendingSaves';

type Listener = (waiting: boolean) => void;

/** What the update banner needs. */
export interface UpdateChannel {
  isWaiting(): boolean;
  subscribe(listener: Listener): () => void;
  /** Saves pending typing, then activates the waiting worker and reloads. */
  applyUpdate(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/** Connects to a registration made with `registerSW` from virtual:pwa-register. */
export function createUpdateChannel(
  register: (options: { onNeedRefresh: () => void; onRegisterError: (error: unknown) => void }) => (reloadPage?: boolean) => Promise<void>,
): UpdateChannel {
  let waiting = false;
  const listeners = new Set<Listener>();
  const activate = register({
    onNeedRefresh: () => {
      waiting = true;
      listeners.forEach((l) => l(true));
    },
    onRegisterError: (error) => {
      console.warn('Service worker registration failed', error instanceof Error ? error.message : typeof error);
    },
  });
  return {
    isWaiting: () => waiting,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async applyUpdate() {
      // Never reload over typing that is not yet on disk.
      if (!(await flushAllDrafts())) {
        return { ok: false, reason: 'Your latest typing could not be saved yet, so the update waits. Free some storage space and try again.' };
      }
      await activate(true);
      return { ok: true };
    },
  };
}
