import { useEffect, useRef } from 'preact/hooks';

/** Runs `handler` on Ctrl+Enter (Cmd+Enter on a Mac keyboard) wherever focus is on the page, while the caller is shown. */
export function useCtrlEnter(handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.isComposing || !(event.ctrlKey || event.metaKey)) return;
      // Also keeps Enter from pressing whichever button has focus.
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
