/**
 * Writes the entry form to the store as it is typed (the draft saver's short
 * debounce) and at once whenever the page may go away: hidden, left, or an app
 * update flushing every open form. The first save of a new form gives it its
 * own address, so a reload reopens what was typed.
 */
import { useEffect, useRef } from 'preact/hooks';
import { paths } from '../../paths';
import type { Router } from '../../router';
import { saveDraft, type DraftInput } from '../../db/applications';
import type { Store } from '../../db/connection';
import type { LocalApplication } from '../../db/schema';
import { requestPersistenceOnce } from '../../db/storage';
import { describeSaveError } from '../../db/storageErrors';
import type { JournalSealer } from '../../crypto/journal-seal';
import { createDraftSaver, type DraftSaver, type SaveState } from '../../services/draftSaver';
import { registerFlush } from '../../services/pendingSaves';
import { clearJournal, journalDraft } from '../../services/unloadJournal';

/** Flushes the saver when the page is hidden or left, journaling sealed what is not saved yet; returns the cleanup. */
function saveOnPageExit(saver: DraftSaver<DraftInput>, journal: JournalSealer): () => void {
  const flushQuietly = () => {
    void saver.flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushQuietly();
  };
  const onPageHide = () => {
    const unsaved = saver.pendingValue();
    try {
      // Not journaled only in the moment after an unlock, before the keystream is made; the flush below still runs.
      if (unsaved && !journalDraft(sessionStorage, unsaved, journal)) console.warn('Unsaved-draft journal not sealed: no keystream yet');
    } catch (error) {
      console.warn('Unsaved-draft journal not written', error instanceof Error ? error.name : typeof error);
    }
    flushQuietly();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    // Back from the back/forward cache: this form is alive and saves itself again.
    if (event.persisted) clearJournal(sessionStorage);
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  const unregister = registerFlush(saver.flush);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    unregister();
    flushQuietly();
  };
}

/** The form's saver, alive while the form is open; onSaved gets each stored record, onState the save status. */
export function useDraftSaver(
  store: Store,
  router: Router,
  onSaved: (record: LocalApplication) => void,
  onState: (state: SaveState) => void,
): { current: DraftSaver<DraftInput> | null } {
  const saverRef = useRef<DraftSaver<DraftInput> | null>(null);
  useEffect(() => {
    let firstSave = true;
    const saver = createDraftSaver<DraftInput>({
      save: async (value) => {
        const record = await saveDraft(store.db, value);
        onSaved(record);
        if (firstSave) {
          firstSave = false;
          if (router.current().path !== paths.record(record.id)) router.navigate(paths.record(record.id), { replace: true });
          requestPersistenceOnce(store.db).catch((error: unknown) => {
            console.warn('Persistent storage request failed', error instanceof Error ? error.name : typeof error);
          });
        }
      },
      onState,
      describeError: describeSaveError,
    });
    saverRef.current = saver;
    const stopWatching = saveOnPageExit(saver, store.journal);
    return () => {
      stopWatching();
      saver.dispose();
    };
  }, [store, router, onSaved, onState]);
  return saverRef;
}
