/**
 * The last line of defence for typing: when the page is being unloaded (reload,
 * tab closed, app update) with a form write still pending, an IndexedDB
 * transaction started then may be aborted with the page. So the pending form is
 * also written synchronously to sessionStorage (per tab, gone when the tab
 * closes), and the next start of the app stores it properly and deletes it.
 * It holds at most the forms that were mid-save at unload, for one page load.
 *
 * Pupil data at rest: each form is sealed (crypto/journal-seal.ts: XOR with
 * keystream made from the data key while unlocked), so sessionStorage never
 * holds typing in plain text. The next start moves the sealed entries into
 * memory at once (holdJournal), still sealed, and opens and stores them after
 * the unlock; if the page goes away again before that, they are written back
 * as they were, so the typing still survives.
 */
import type { DraftInput } from '../db/applications';
import type { JournalSealer } from '../crypto/journal-seal';

/** One sessionStorage item per form: writing one never needs to read (or open) another. */
const PREFIX = 'mesa-intake:unsaved-draft:';
/** Where versions before the journal was sealed kept every form, in plain text; read once after the update. */
const LEGACY_KEY = 'mesa-intake:unsaved-drafts';

/**
 * Synchronously keeps a form that is not yet safely stored, sealed (call from
 * pagehide). False when it could not be sealed (no keystream: locked, or the
 * unlock a moment ago): then nothing is written, rather than plain text.
 */
export function journalDraft(storage: Storage, draft: DraftInput, sealer: Pick<JournalSealer, 'seal'>): boolean {
  const entry = sealer.seal(JSON.stringify(draft));
  if (entry === null) return false;
  storage.setItem(`${PREFIX}${draft.id}`, JSON.stringify(entry));
  return true;
}

function journalKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && (key.startsWith(PREFIX) || key === LEGACY_KEY)) keys.push(key);
  }
  return keys;
}

/** Forgets the journal (the page came back from the back/forward cache and keeps saving itself). */
export function clearJournal(storage: Storage): void {
  for (const key of journalKeys(storage)) storage.removeItem(key);
}

/** Journaled forms moved into memory at start, still sealed, waiting for the unlock that opens and stores them. */
export interface HeldJournal {
  /** How many stored items are waiting. */
  count(): number;
  /** Opens every held item with the data key and stores its forms with `save`; keeps items whose save failed. */
  release(key: CryptoKey, save: (draft: DraftInput) => Promise<unknown>): Promise<number>;
  /** Stops writing the held items back at pagehide. */
  dispose(): void;
}

/**
 * Takes the journal out of `storage` into memory; while items are held, a
 * pagehide writes them back as they were (the next start takes them again).
 */
export function holdJournal(storage: Storage, target: Pick<Window, 'addEventListener' | 'removeEventListener'>): HeldJournal {
  let held = journalKeys(storage).flatMap((key) => {
    const raw = storage.getItem(key);
    return raw === null ? [] : [{ key, raw }];
  });
  clearJournal(storage);
  const onPageHide = () => {
    try {
      for (const item of held) storage.setItem(item.key, item.raw);
    } catch (error) {
      console.warn('Unsaved-draft journal not written', error instanceof Error ? error.name : typeof error);
    }
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) clearJournal(storage);
  };
  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('pageshow', onPageShow as EventListener);
  return {
    count: () => held.length,
    async release(key, save) {
      // Opening needs the form's schemas, fetched with the rest of the app after the unlock, not at start.
      const { openJournalItem } = await import('./journalItems');
      const kept: typeof held = [];
      let stored = 0;
      for (const item of held) {
        const drafts = await openJournalItem(key, item.raw);
        if (drafts === null) continue;
        try {
          for (const draft of drafts) await save(draft);
          stored += drafts.length;
        } catch (error) {
          console.warn('Unsaved typing could not be stored yet', error instanceof Error ? error.name : typeof error);
          kept.push(item);
        }
      }
      held = kept;
      return stored;
    },
    dispose() {
      target.removeEventListener('pagehide', onPageHide);
      target.removeEventListener('pageshow', onPageShow as EventListener);
    },
  };
}
