/**
 * The last line of defence for typing: when the page is being unloaded (reload,
 * tab closed, app update) with a form write still pending, an IndexedDB
 * transaction started then may be aborted with the page. So the pending form is
 * also written synchronously to sessionStorage (per tab, gone when the tab
 * closes), and the next start of the app stores it properly and deletes it.
 * It holds at most the forms that were mid-save at unload, for one page load.
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

/** Stores every journaled form with `save`, then deletes the journal; returns how many were recovered. */
export async function recoverJournal(storage: Storage, save: (draft: DraftInput) => Promise<unknown>): Promise<number> {
  const drafts = Object.values(read(storage));
  for (const draft of drafts) await save(draft);
  clearJournal(storage);
  return drafts.length;
}
