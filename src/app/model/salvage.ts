/**
 * Turning what was read of a set-aside application back into a record the form
 * can open (the repair view's "Correct it in the form"). Pure: every value that
 * fits its schema is kept; one that does not is left blank for the advisor to
 * type again from the paper, who has just seen it in the repair view. The record
 * goes back to draft, so it is checked and confirmed again before it leaves.
 */
import { z } from 'zod/mini';
import { applicationFieldsSchema, blankFields, type ApplicationFields } from '../../shared/application';
import { uuidv7 } from '../../shared/ids';
import { serverReasonSchema } from '../crypto/row-schemas';
import type { LocalApplication } from '../db/schema';

/** The fields of a salvaged record, and the names of those left blank because their value did not fit. */
export interface Salvaged {
  record: LocalApplication;
  blanked: string[];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const positiveInt = (value: unknown): number | null => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Keeps each field whose value fits the draft schema; the rest start blank. */
function salvageFields(read: Record<string, unknown>): { fields: ApplicationFields; blanked: string[] } {
  const fields = blankFields();
  const blanked: string[] = [];
  const shape = applicationFieldsSchema.shape;
  for (const name of Object.keys(shape) as (keyof ApplicationFields)[]) {
    if (!(name in read)) continue;
    const parsed = shape[name].safeParse(read[name]);
    if (parsed.success) Object.assign(fields, { [name]: parsed.data });
    else blanked.push(name);
  }
  return { fields, blanked };
}

/** A draft record rebuilt from what was read of row `id`, at `now`. */
export function salvageApplication(id: string, readable: Record<string, unknown>, now: number): Salvaged {
  const { fields, blanked } = salvageFields(asObject(readable.fields));
  const reason = z.nullable(serverReasonSchema).safeParse(readable.serverReason ?? null);
  return {
    record: {
      id,
      studentId: text(readable.studentId) ?? uuidv7(now),
      batchId: text(readable.batchId),
      status: 'draft',
      // A new version, so a copy the server already holds is never overwritten by an older one.
      version: (positiveInt(readable.version) ?? 0) + 1,
      serverVersion: Number.isInteger(readable.serverVersion) ? (readable.serverVersion as number) : null,
      schoolId: fields.schoolId,
      createdAt: positiveInt(readable.createdAt) ?? now,
      updatedAt: now,
      confirmedAt: null,
      fields,
      ssidRekey: typeof readable.ssidRekey === 'string' ? readable.ssidRekey.slice(0, 32) : '',
      serverReason: reason.success ? reason.data : null,
      sendToReview: false,
    },
    blanked,
  };
}
