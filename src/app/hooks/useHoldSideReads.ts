import { useLayoutEffect } from 'preact/hooks';
import { holdSideReads } from '../services/sideReads';

/** Holds the side reads (services/sideReads.ts) back while `drawn` is false, and no longer than the screen is there. */
export function useHoldSideReads(drawn: boolean): void {
  // A layout effect: it runs before the header's plain effects start its reads. Its cleanup is the release.
  useLayoutEffect(() => (drawn ? undefined : holdSideReads()), [drawn]);
}
