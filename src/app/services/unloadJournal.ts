/**
 * The last line of defence for typing: when the page is being unloaded (reload,
 * tab closed, app update) with a form write still pending, an IndexedDB
 * transaction started then may be aborted with the page. So the pending form is
 * also written synchronously to sessionStorage (per tab, gone when the tab
 * closes), and the next start of the app stores it properly and deletes it.
 * It holds at most the forms that were mid-save at unload, for one page load.
 *
 * Pupil data at rest: the copy is plain, because pagehide allows only synchronous
 * work and WebCrypto is asynchronous. So it lives in sessionStorage only from
 * pagehide to the next start, which moves it into memory at once (holdJournal)
 * and stores it, sealed, after the unlock; if the page goes away again before
 * that, it is written back so the typing still survives.
 */
import { z } from 'zod';
import type { DraftInput } from '../db/applications';
import { applicationFieldsSchema } from '../../shared/application';

const KEY = 'mesa-intake:unsaved-drafts';

const draftInputSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  batchId: z.string().nullable(),
  createdAt: z.number(),
  fields: applicationFieldsSchema,
  ssidRekey: z.string(),
  ssidChecked: z.boolean().optional(),
});

function read(storage: Storage): Record<string, DraftInput> {
  const raw = storage.getItem(KEY);
  if (raw === null) return {};
  try {
    const parsed = z.record(z.string(), draftInputSchema).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch (error) {
    // Unreadable journal (truncated write): nothing can be recovered from it.
    console.warn('Unsaved-draft journal unreadable', error instanceof Error ? error.name : typeof error);
    return {};
  }
}

/** Synchronously keeps a form that is not yet safely stored (call from pagehide). */
export function journalDraft(storage: Storage, draft: DraftInput): void {
  const all = read(storage);
  all[draft.id] = draft;
  storage.setItem(KEY, JSON.stringify(all));
}

/** Forgets the journal (the page came back from the back/forward cache and keeps saving itself). */
export function clearJournal(storage: Storage): void {
  storage.removeItem(KEY);
}

/** Journaled forms moved into memory at start, waiting for the unlock that lets them be stored sealed. */
export interface HeldJournal {
  /** How many forms are waiting. */
  count(): number;
  /** Stores every held form with `save` (after the unlock); keeps those whose save failed. */
  release(save: (draft: DraftInput) => Promise<unknown>): Promise<number>;
  /** Stops writing the held forms back at pagehide. */
  dispose(): void;
}

/**
 * Takes the journal out of `storage` into memory; while forms are held, a
 * pagehide writes them back (the next start takes them again).
 */
export function holdJournal(storage: Storage, target: Pick<Window, 'addEventListener' | 'removeEventListener'>): HeldJournal {
  let held = Object.values(read(storage));
  clearJournal(storage);
  const onPageHide = () => {
    try {
      for (const draft of held) journalDraft(storage, draft);
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
    async release(save) {
      const failed: DraftInput[] = [];
      for (const draft of held) {
        try {
          await save(draft);
        } catch (error) {
          console.warn('Unsaved typing could not be stored yet', error instanceof Error ? error.name : typeof error);
          failed.push(draft);
        }
      }
      const stored = held.length - failed.length;
      held = failed;
      return stored;
    },
    dispose() {
      target.removeEventListener('pagehide', onPageHide);
      target.removeEventListener('pageshow', onPageShow as EventListener);
    },
  };
}
