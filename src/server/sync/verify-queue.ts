/**
 * The sheets other tablets of the caller's center sent for a second keyer
 * (GET /api/sync/verify-queue), by batch: what a second keyer's tablet pulls,
 * seals, and verifies offline with the same screen and rules as a batch typed
 * on it, with the fields each batch adds to the verified four. Never the caller's own sheets, nor any typed on the caller's tablet:
 * the same person may not key both entries (decide.ts rule 2a holds the push
 * to it too).
 */
import { confirmedApplicationSchema } from '../../shared/application';
import { MAX_SHEETS_TO_VERIFY, sheetToVerifySchema, type BatchToVerify, type VerifyQueueResponse } from '../../shared/protocol';
import { addedFieldsIn } from '../../shared/verification-record';
import { appendAudit } from '../queries/audit-log';
import { sheetsToVerify, type SheetToVerifyRow } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { parseJson } from '../db/stored-json';

/** Who asks: their center, their account and the tablet they are signed in on. */
export interface VerifyQueueCaller {
  centerId: string;
  userId: string;
  deviceId: string;
}

/**
 * The queue for `caller`, at most MAX_SHEETS_TO_VERIFY sheets (the rest come
 * once these are verified). Each answer that carries sheets is audited under the
 * tablet: how many sheets of pupil data went to it, never which values.
 */
export async function verifyQueue(db: Executor, caller: VerifyQueueCaller, now: string): Promise<VerifyQueueResponse> {
  const rows = await sheetsToVerify(db, caller.centerId, caller, MAX_SHEETS_TO_VERIFY);
  const batches = new Map<string, BatchToVerify>();
  for (const row of rows) {
    const sheet = readSheet(row);
    if (!sheet) continue;
    const batch = batches.get(row.verify_batch) ?? { batchId: row.verify_batch, sheets: [], fields: [] };
    batch.sheets.push(sheet);
    // A batch fixes its fields when it starts, so its sheets agree; were they
    // ever to differ, each field any of them waits for is keyed (rule 2a asks it of each).
    batch.fields = addedFieldsIn([...batch.fields ?? [], ...addedFieldsIn(parseJson(row.verify_fields))]);
    batches.set(row.verify_batch, batch);
  }
  const answer = { batches: [...batches.values()] };
  const sent = answer.batches.reduce((n, b) => n + b.sheets.length, 0);
  if (sent > 0) {
    await appendAudit(db, {
      at: now, user_id: caller.userId, action: 'sheets_sent_to_verify', entity: 'device', entity_id: caller.deviceId, old_value: null, new_value: String(sent),
    });
  }
  return answer;
}

/** A stored sheet as the wire carries it; one whose stored application does not read is left out, never sent half-read. */
function readSheet(row: SheetToVerifyRow) {
  const application = confirmedApplicationSchema.safeParse(parseJson(row.application));
  if (!application.success) return undefined;
  const sheet = sheetToVerifySchema.safeParse({
    recordId: row.id, studentId: row.student_id, sheet: row.verify_sheet, serverVersion: row.version, application: application.data, confirmedAt: row.confirmed_at,
    enteredBy: { id: row.keyed_by, name: row.keyed_by_name },
  });
  return sheet.success ? sheet.data : undefined;
}
