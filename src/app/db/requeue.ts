/**
 * Resolving a conflict without editing the record: re-queue the same version.
 * - SSID taken: the advisor is sure the paper is right, so the version goes back
 *   flagged for center review (the server stores it without giving this student
 *   the SSID).
 * - Stale version: another device changed the record on the server; the advisor
 *   chooses to send their version over it (the record already carries the
 *   server's version from the conflict answer, so it is no longer stale).
 * - Probably the same student: the center has a student with this SSID whose
 *   name or birth date differs a little; the advisor says it is the same student
 *   (`sameStudent: true`), and the server links the paper to them.
 * The record and its new outbox row are written in one strict transaction, as at
 * confirmation: sealed first, then written only if the record is unchanged.
 */
import type { LocalApplication, MesaDb } from './schema';
import { mutationFor } from './mutations';
import { queueMutation, sealForOutbox } from './outbox';
import { recordIndex, rowStamp } from './records';
import { rethrowStorageError } from './storageErrors';
import { sealApplication } from '../crypto/sealed-fields';
import { canResendAsIs, canSaySameStudent, canSendToReview, type ConflictView } from '../model/conflictChoices';

/** Why a record cannot be re-queued as it is. */
export class NotResendableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotResendableError';
  }
}

/** How a conflict is re-queued. */
type Resolution = 'review' | 'asIs' | 'sameStudent';

const ALLOWED: Record<Resolution, (record: ConflictView) => boolean> = {
  review: canSendToReview,
  asIs: canResendAsIs,
  sameStudent: canSaySameStudent,
};

/** Attempts before giving up when the record keeps changing (another tab). */
const REQUEUE_ATTEMPTS = 5;

async function requeue(db: MesaDb, recordId: string, resolution: Resolution, now: number): Promise<void> {
  const sendToReview = resolution === 'review';
  const index = recordIndex(db);
  const key = index.key();
  try {
    for (let attempt = 0; attempt < REQUEUE_ATTEMPTS; attempt++) {
      const row = await db.applications.get(recordId);
      if (!row) throw new NotResendableError('This record no longer exists.');
      const record = await index.open(row);
      if (!ALLOWED[resolution](record)) throw new NotResendableError('This record is no longer in that conflict.');
      const candidate = mutationFor(record, {
        confirmedAt: new Date(record.confirmedAt ?? now).toISOString(),
        sendToReview: sendToReview || record.sendToReview,
        sameStudent: resolution === 'sameStudent',
      });
      if (!candidate.success) {
        throw new NotResendableError(candidate.error.issues[0]?.message ?? 'The record is not complete.');
      }
      const next: LocalApplication = { ...record, status: 'queued', sendToReview: candidate.data.sendToReview === true, serverReason: null, updatedAt: now };
      const sealedRecord = await sealApplication(key, next);
      const queued = await sealForOutbox(key, candidate.data, now);
      const written = await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
        if (rowStamp(await db.applications.get(recordId)) !== rowStamp(row)) return false;
        await queueMutation(db, queued);
        await db.applications.put(sealedRecord);
        return true;
      });
      if (written) {
        index.remember(sealedRecord, next);
        return;
      }
    }
  } catch (error) {
    rethrowStorageError(error);
  }
  throw new NotResendableError('This record is being changed in another window. Try again.');
}

/** Re-queues an SSID conflict's current version with `sendToReview: true`. Pass the strict connection. */
export function sendToCenterReview(db: MesaDb, recordId: string, now: number = Date.now()): Promise<void> {
  return requeue(db, recordId, 'review', now);
}

/** Re-queues a stale-version conflict's current version over the server's. Pass the strict connection. */
export function resendAsIs(db: MesaDb, recordId: string, now: number = Date.now()): Promise<void> {
  return requeue(db, recordId, 'asIs', now);
}

/** Re-queues a probable match's current version as the center's student's (`sameStudent: true`). Pass the strict connection. */
export function confirmSameStudent(db: MesaDb, recordId: string, now: number = Date.now()): Promise<void> {
  return requeue(db, recordId, 'sameStudent', now);
}
