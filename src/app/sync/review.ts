/**
 * Resolving an SSID conflict without changing the record: the advisor is sure
 * the number on the paper is right, so the same version goes back to the server
 * flagged for center review. The record and its new outbox row are written in
 * one strict transaction, as at confirmation.
 */
import type { MesaDb } from '../db/schema';
import { enqueueMutation, takeMutationId } from '../db/outbox';
import { rethrowStorageError } from '../db/storageErrors';
import { mutationSchema } from '../../shared/protocol';

/** Why a record cannot be sent to review. */
export class NotReviewableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotReviewableError';
  }
}

/** Whether "Send to center review" applies: only to a conflict over an SSID another student holds. */
export function canSendToReview(record: { status: string; serverReason: { code: string } | null }): boolean {
  return record.status === 'conflict' && record.serverReason?.code === 'ssid_taken';
}

/**
 * Re-queues the record's current version with `sendToReview: true`; the record
 * becomes `queued` again. Pass the strict-durability connection.
 */
export async function sendToCenterReview(db: MesaDb, recordId: string, now: number = Date.now()): Promise<void> {
  try {
    await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
      const record = await db.applications.get(recordId);
      if (!record) throw new NotReviewableError('This record no longer exists.');
      if (!canSendToReview(record)) throw new NotReviewableError('Only an SSID conflict can go to center review.');
      const candidate = mutationSchema.safeParse({
        mutationId: 1,
        recordId: record.id,
        studentId: record.studentId,
        version: record.version,
        baseServerVersion: record.serverVersion,
        application: record.fields,
        ssidSource: record.fields.ssidSource === '' ? null : record.fields.ssidSource,
        confirmedAt: new Date(record.confirmedAt ?? now).toISOString(),
        sendToReview: true,
      });
      if (!candidate.success) {
        throw new NotReviewableError(candidate.error.issues[0]?.message ?? 'The record is not complete.');
      }
      await enqueueMutation(db, { ...candidate.data, mutationId: await takeMutationId(db) }, now);
      await db.applications.update(record.id, { status: 'queued', sendToReview: true, serverReason: null, updatedAt: now });
    });
  } catch (error) {
    rethrowStorageError(error);
  }
}
