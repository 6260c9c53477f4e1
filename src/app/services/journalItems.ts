/**
 * Opening what the unload journal held (services/unloadJournal.ts): a sealed
 * entry, or the plain map of versions before the journal was sealed, parsed
 * against the form's schema before anything is stored. Its own module, so the
 * start of the app does not load the form's schemas to hold the journal.
 */
import { z } from 'zod/mini';
import type { DraftInput } from '../db/applications';
import { journalEntrySchema, openJournalEntry } from '../crypto/journal-seal';
import { applicationFieldsSchema } from '../../shared/application';

const draftInputSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  batchId: z.nullable(z.string()),
  createdAt: z.number(),
  fields: applicationFieldsSchema,
  ssidRekey: z.string(),
  ssidChecked: z.optional(z.boolean()),
});

/** The forms in one stored item, or null when it cannot be read (damaged, or sealed under a key since reset). */
export async function openJournalItem(key: CryptoKey, raw: string): Promise<DraftInput[] | null> {
  try {
    const json: unknown = JSON.parse(raw);
    const entry = journalEntrySchema.safeParse(json);
    if (entry.success) {
      const draft = draftInputSchema.safeParse(JSON.parse(await openJournalEntry(key, entry.data)));
      return draft.success ? [draft.data] : null;
    }
    const legacy = z.record(z.string(), draftInputSchema).safeParse(json);
    return legacy.success ? Object.values(legacy.data) : null;
  } catch (error) {
    // Truncated write, or XOR under the wrong key gave no JSON: nothing can be recovered from it.
    console.warn('Unsaved-draft journal entry unreadable', error instanceof Error ? error.name : typeof error);
    return null;
  }
}
