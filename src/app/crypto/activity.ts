/**
 * Connects the page to the vault's idle lock: touches and key presses count as
 * activity; coming back to a page hidden while the tablet slept re-checks the
 * deadline at once (timers in hidden pages run late or not at all).
 */
import type { Vault } from './vault';

/** The page events that count as the advisor being there. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Starts watching `doc` for activity on behalf of `vault`; returns the function that stops it. */
export function watchActivity(vault: Pick<Vault, 'noteActivity' | 'checkIdle'>, doc: Document = document): () => void {
  const onActivity = () => vault.noteActivity();
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') vault.checkIdle();
  };
  for (const type of ACTIVITY_EVENTS) doc.addEventListener(type, onActivity, { passive: true, capture: true });
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    for (const type of ACTIVITY_EVENTS) doc.removeEventListener(type, onActivity, { capture: true });
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
