/**
 * The forgotten-passphrase screen's facts and actions, all usable while locked:
 * what would be lost (counted from plain columns), a sealed copy of it, and the
 * reset itself, which also signs out so that whoever resets must sign in with
 * the account's own password before the server gives this tablet anything.
 */
import { useCallback } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { backupFileName } from './useBackup';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { makeSealedCopy } from '../../backup/sealed-copy';
import { countUnsynced, type UnsyncedCount } from '../../db/backupRows';
import { useSyncServices } from '../../sync/context';
import { signOut } from '../../sync/session';

/** Counts, the sealed copy and the reset, for the forgotten-passphrase screen. */
export function useForgottenPassphrase(): {
  counts: LiveResult<UnsyncedCount>;
  saveSealedCopy: () => Promise<{ file: File; records: number }>;
  startAgain: () => Promise<void>;
} {
  const { store } = useServices();
  const { api } = useSyncServices();
  const counts = useLiveQuery(() => countUnsynced(store.db), [store]);
  const saveSealedCopy = useCallback(async () => {
    const now = new Date();
    const { text, records } = await makeSealedCopy(store.db, now);
    return { file: new File([text], backupFileName(now, 'mesa-sealed-copy'), { type: 'application/json' }), records };
  }, [store]);
  const startAgain = useCallback(async () => {
    // Signed out first: if the erase then fails, the records are still there and nobody is signed in.
    await signOut(store.db, api);
    await store.vault.reset();
  }, [store, api]);
  return { counts, saveSealedCopy, startAgain };
}
