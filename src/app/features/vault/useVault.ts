/**
 * The app lock as a hook: the vault's phase, kept current, and the actions of
 * the setup and unlock screens. While unlocked it watches the page for activity
 * (the idle lock), and right after each unlock it seals rows still stored plain
 * and stores typing held from the last unload.
 */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { watchActivity } from '../../crypto/activity';
import type { VaultState } from '../../crypto/vault-state';
import { countOutbox } from '../../db/outboxCount';
import type { HeldJournal } from '../../services/unloadJournal';

/** Typing taken from the unload journal at start, stored once the vault is open (main.tsx provides it). */
export const HeldJournalContext = createContext<HeldJournal | null>(null);

// Fetched at the unlock with the rest of the app: the unlock screen does not need the record layer.
const loadAfterUnlock = () => import('../../services/afterUnlock').then((m) => m.afterUnlock);

/** The vault's phase, kept current, and its actions; failures reject with the crypto layer's typed errors. */
export function useVault(): {
  state: VaultState;
  setup: (passphrase: string) => Promise<void>;
  unlock: (passphrase: string) => Promise<void>;
  lock: () => void;
  changePassphrase: (current: string, next: string) => Promise<void>;
} {
  const { store } = useServices();
  const { vault } = store;
  const [state, setState] = useState<VaultState>(vault.state());
  useEffect(() => {
    setState(vault.state());
    return vault.subscribe(setState);
  }, [vault]);
  const setup = useCallback((passphrase: string) => vault.setup(passphrase), [vault]);
  const unlock = useCallback((passphrase: string) => vault.unlock(passphrase), [vault]);
  const lock = useCallback(() => vault.lock(), [vault]);
  const changePassphrase = useCallback((current: string, next: string) => vault.changePassphrase(current, next), [vault]);
  return { state, setup, unlock, lock, changePassphrase };
}

/**
 * The unlocked session, for the one component that gates the app: watches the
 * page for activity (the idle lock) and runs afterUnlock on each unlock.
 * `ready` says the screens may read records: at once when no typing is held
 * from the last unload (rows still plain read as they are, db/rowCodec.ts, so
 * sealing them goes on beside the screens), otherwise once afterUnlock has
 * stored that typing, so no screen shows a record without it. `waiting` counts
 * outbox rows (a plain count, known while locked).
 */
export function useVaultSession(unlocked: boolean): { ready: boolean; waiting: number } {
  const { store } = useServices();
  const journal = useContext(HeldJournalContext);
  const [finished, setFinished] = useState(false);
  // A layout effect, so the after-unlock work starts as the unlock is drawn, not a frame
  // later: with typing held, it stands between the passphrase and the first screen (cold start, issue 14).
  useLayoutEffect(() => {
    setFinished(false);
    if (!unlocked) return undefined;
    let current = true;
    const stop = watchActivity(store.vault);
    loadAfterUnlock()
      .then((afterUnlock) => afterUnlock(store, journal))
      .catch((error: unknown) => {
        // Plain rows stay readable and are sealed on the next unlock; held typing is kept for the next try.
        console.warn('After-unlock work did not finish', error instanceof Error ? error.name : typeof error);
      })
      .finally(() => {
        if (current) setFinished(true);
      });
    return () => {
      current = false;
      stop();
    };
  }, [unlocked, store, journal]);
  const count = useLiveQuery(() => countOutbox(store.db), [store]);
  const holdsTyping = journal !== null && journal.count() > 0;
  return { ready: unlocked && (finished || !holdsTyping), waiting: count.status === 'ready' ? count.data : 0 };
}
