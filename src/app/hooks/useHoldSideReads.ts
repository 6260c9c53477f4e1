import { useLayoutEffect, useRef } from 'preact/hooks';
import { holdSideReads } from '../services/sideReads';

/** Holds the side reads (services/sideReads.ts) back from the screen's first render until `drawn`, or until it goes away. */
export function useHoldSideReads(drawn: boolean): void {
  const release = useRef<(() => void) | null>(null);
  // Layout effects: they run before the header's plain effects start its reads.
  useLayoutEffect(() => {
    release.current = holdSideReads();
    return () => release.current?.();
  }, []);
  useLayoutEffect(() => {
    if (drawn) release.current?.();
  }, [drawn]);
}
