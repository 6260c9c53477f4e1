/** The work right after each unlock, before any screen reads a record (hooks/useVault.ts runs it). */
import type { Store } from '../db/connection';
import { saveDraft } from '../db/applications';
import { sealPlainRowsOnce } from '../db/sealPlainRows';
import type { HeldJournal } from './unloadJournal';

/** What to do right after an unlock: finish the move to sealed rows, then store held typing. */
export async function afterUnlock(store: Store, journal: HeldJournal | null): Promise<void> {
  await sealPlainRowsOnce(store.db, store.vault.key());
  if (journal && journal.count() > 0) await journal.release(store.vault.key(), (draft) => saveDraft(store.db, draft));
}
