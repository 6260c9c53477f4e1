/**
 * One lock for every open tab of the app. Each tab holds its own copy of the
 * data key, so a lock (the button or the idle lock) in one tab must reach the
 * others, or a second tab left open would keep pupil records readable.
 *
 * Tabs also share activity, so the idle lock measures the advisor's last touch
 * in any tab: a background tab must not idle-lock the one being typed in. Activity
 * is sent at most once per `shareEveryMs`, so another tab may lock up to that much
 * earlier than this one would have; well under the one-minute minimum delay.
 */
import { z } from 'zod/mini';
import { ACTIVITY_EVENTS } from './activity';
import type { Vault } from './vault';

/** The channel's name: one per origin, shared by every tab of the app. */
export const TAB_LOCK_CHANNEL = 'mesa-intake:vault';

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('activity'), at: z.number() }),
]);
type TabMessage = z.infer<typeof messageSchema>;

/** The part of BroadcastChannel used here. */
export type TabChannel = Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'removeEventListener'>;

export interface TabLockOptions {
  /** Runs before another tab's lock drops the key here: stores pending typing while the key is still in memory. */
  beforeLock: () => Promise<unknown>;
  /** Where this tab's activity comes from (document in the app). */
  doc: Pick<Document, 'addEventListener' | 'removeEventListener'>;
  shareEveryMs?: number;
  now?: () => number;
}

/** Links `vault` to every other tab on `channel`; returns the function that unlinks it. */
export function linkTabLocks(
  vault: Pick<Vault, 'isUnlocked' | 'lock' | 'noteActivity' | 'subscribe'>,
  channel: TabChannel,
  { beforeLock, doc, shareEveryMs = 5_000, now = Date.now }: TabLockOptions,
): () => void {
  const post = (message: TabMessage) => channel.postMessage(message);
  let lockingFromAnotherTab = false;
  let lastShared = Number.NEGATIVE_INFINITY;

  const unsubscribe = vault.subscribe((state) => {
    // A lock that came from another tab is not echoed back to every tab again.
    if (state.phase === 'locked' && !lockingFromAnotherTab) post({ type: 'lock' });
  });

  const onActivity = () => {
    const at = now();
    if (!vault.isUnlocked() || at - lastShared < shareEveryMs) return;
    lastShared = at;
    post({ type: 'activity', at });
  };

  const lockHere = () => {
    if (!vault.isUnlocked()) return;
    // Lock even when the save failed (storage full): records left open in a tab the advisor
    // believes locked are the worse outcome, and the failed save was already shown on the form.
    beforeLock()
      .catch((error: unknown) => console.warn('Typing not stored before another tab locked', error instanceof Error ? error.name : typeof error))
      .finally(() => {
        lockingFromAnotherTab = true;
        vault.lock();
        lockingFromAnotherTab = false;
      });
  };

  const onMessage = (event: MessageEvent) => {
    const message = messageSchema.safeParse(event.data);
    if (!message.success) return;
    if (message.data.type === 'lock') lockHere();
    else if (vault.isUnlocked()) vault.noteActivity(message.data.at);
  };

  for (const type of ACTIVITY_EVENTS) doc.addEventListener(type, onActivity, { passive: true, capture: true });
  channel.addEventListener('message', onMessage as EventListener);
  return () => {
    unsubscribe();
    for (const type of ACTIVITY_EVENTS) doc.removeEventListener(type, onActivity, { capture: true });
    channel.removeEventListener('message', onMessage as EventListener);
  };
}
