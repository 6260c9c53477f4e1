/**
 * Preact runs a component's effects after the next animation frame, or after
 * 100 ms when no frame comes. That fallback timer can fire after vitest has
 * torn down a test file's jsdom window, and preact's own timer then calls the
 * window's cancelAnimationFrame, which is gone: an uncaught ReferenceError
 * that fails the whole run although every test passed (seen in CI from
 * studentsAndRequests.test.tsx). This scheduler does what preact's does but
 * looks the frame functions up when it runs, so a late timer finds nothing to
 * cancel instead of throwing. preact/test-utils' act() swaps it out and puts
 * it back, as it does preact's own.
 */
import { options } from 'preact';

const FALLBACK_MS = 100;

options.requestAnimationFrame = (flush) => {
  let frame: number | undefined;
  const done = () => {
    clearTimeout(fallback);
    if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    setTimeout(flush);
  };
  const fallback = setTimeout(done, FALLBACK_MS);
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(done);
};
