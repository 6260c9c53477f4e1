/**
 * What the entry screen says about saving. A save follows the typing within a
 * frame or two, so "Saving…" at every key would flicker beside the form, be
 * announced to a screen reader at every key, and be drawn in the key's own
 * frame (keystroke latency at 4x CPU, issue 14). So a save is shown as under
 * way only once a write has run for SLOW_SAVE_MS, or at once when it follows a
 * failure (the retry is seen to start); a failure and a finished save are shown
 * at once.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SaveState } from '../../services/draftSaver';

/** A write running this long is shown as "Saving…". */
export const SLOW_SAVE_MS = 1000;

/** The save state to draw, and the function the draft saver reports every state to. */
export function useSaveStatus(): [SaveState, (state: SaveState) => void] {
  const [shown, setShown] = useState<SaveState>({ kind: 'idle' });
  const slow = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopWaiting = () => {
    if (slow.current !== null) clearTimeout(slow.current);
    slow.current = null;
  };
  useEffect(() => stopWaiting, []);

  const report = useCallback((state: SaveState) => {
    if (state.kind === 'saved' || state.kind === 'error' || state.kind === 'idle') {
      stopWaiting();
      setShown((was) => (was.kind === 'saved' && state.kind === 'saved' ? was : state));
      return;
    }
    setShown((was) => (was.kind === 'error' ? state : was));
    // Timed from the write's start, not from the key: a key press sets no timer.
    if (state.kind === 'saving') {
      slow.current ??= setTimeout(() => {
        slow.current = null;
        setShown({ kind: 'saving' });
      }, SLOW_SAVE_MS);
    }
  }, []);

  return [shown, report];
}
