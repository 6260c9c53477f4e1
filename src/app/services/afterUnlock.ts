/**
 * The work right after each unlock (features/vault/useVault.ts runs it): screens
 * wait for it only while typing held from the last unload is not yet stored.
 */
import type { Store } from '../db/connection';
import { saveDraft } from '../db/applications';
import { sealPlainRowsOnce } from '../db/sealPlainRows';
import type { HeldJournal } from './unloadJournal';

/**
 * What to do right after an unlock: store held typing first (a failed sealing
 * pass must not keep it from the store), then finish the move to sealed rows.
 */
export async function afterUnlock(store: Store, journal: HeldJournal | null): Promise<void> {
  if (journal && journal.count() > 0) await journal.release(store.vault.key(), (draft) => saveDraft(store.db, draft));
  await sealPlainRowsOnce(store.db, store.vault.key());
}
