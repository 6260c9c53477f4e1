/**
 * Push: sends the outbox to the server in mutation-id order and applies each
 * answer in one transaction. A row leaves the outbox only when the server has
 * answered for it (applied, duplicate, rejected and conflict are all answers);
 * anything else (no answer, a 5xx, a 401) leaves every row where it is, and the
 * next push re-sends them: the server skips ids it already applied, as duplicates.
 */
import type { MesaDb, OutboxRow } from '../db/schema';
import { countFailedAttempt, countOutboxAfter, openOutbox, readOutboxAfter } from '../db/outbox';
import { applyAnswerOnce, type PushSummary } from '../db/pushAnswers';
import { openSettled } from '../db/setAside';
import { recordIndex } from '../db/records';
import { MAX_MUTATIONS_PER_PUSH, type PushResponse } from '../../shared/protocol';
import { ApiError, ContractError } from './api';

/**
 * Mutations per request. A full application is about 1 KB of JSON, so 250 is
 * about 250 KB before gzip: small enough to finish on a slow school link, large
 * enough that 1,000 records take four round trips.
 */
export const PUSH_BATCH_SIZE = Math.min(250, MAX_MUTATIONS_PER_PUSH);

/** Progress of one push: `total` grows if the advisor confirms records while it runs. */
export interface PushProgress extends PushSummary {
  sent: number;
  total: number;
}

/** What a push needs: the session's token, this device's id and a way to send a batch. */
export interface PushOptions {
  token: string;
  deviceId: string;
  send: (token: string, deviceId: string, mutations: OutboxRow['mutation'][]) => Promise<PushResponse>;
  batchSize?: number;
  onProgress?: (progress: PushProgress) => void;
}

/** Attempts to apply one answer when records keep changing under it (the advisor typing in another tab). */
const APPLY_ATTEMPTS = 5;

/**
 * Applies one push answer in ONE transaction: deletes the answered outbox rows,
 * moves each record through statusAfterAnswer, and rebases the record's later
 * queued versions onto the server version just applied (they were edited from
 * this one, so this is what they are based on). An SSID update's answer goes to
 * the student's roster row instead. The records' new states are planned and
 * sealed first; if one changed before the transaction ran, nothing is written
 * and the plan is made again. Returns the counts of answers.
 */
export async function applyPushResponse(db: MesaDb, sent: OutboxRow[], response: PushResponse): Promise<PushSummary> {
  for (let attempt = 0; attempt < APPLY_ATTEMPTS; attempt++) {
    const summary = await applyAnswerOnce(db, sent, response);
    if (summary) return summary;
  }
  // Every row stays queued: the next push sends them again and the server answers "duplicate".
  throw new ContractError('Records kept changing while the server’s answer was saved; it will be fetched again.');
}

/**
 * Pushes the whole outbox, oldest mutation first, batch by batch. Throws what the
 * transport throws (the engine decides about backoff and sign-in); rows of a batch
 * without an answer stay queued. A 413 halves the batch and tries again.
 */
export async function pushOutbox(db: MesaDb, options: PushOptions): Promise<PushProgress> {
  let batchSize = options.batchSize ?? PUSH_BATCH_SIZE;
  const progress: PushProgress = { sent: 0, total: 0, applied: 0, duplicate: 0, rejected: 0, conflicts: 0 };
  let after = 0;
  for (;;) {
    const stored = await readOutboxAfter(db, after, batchSize);
    // Mutations are sealed at rest: a locked vault stops the push here (VaultLockedError), before anything is sent.
    const key = recordIndex(db).key();
    // A row that fails its schema is set aside (listed for repair), never sent and never in the way of the rest.
    const { opened: rows, aside } = await openSettled(stored, (row) => openOutbox(key, row));
    progress.total = progress.sent + (await countOutboxAfter(db, after)) - aside.length;
    options.onProgress?.({ ...progress });
    if (stored.length === 0) return progress;
    if (rows.length === 0) {
      after = stored[stored.length - 1]?.mutationId ?? after;
      continue;
    }

    const ids = rows.map((row) => row.mutationId);
    let response: PushResponse;
    try {
      response = await options.send(options.token, options.deviceId, rows.map((row) => row.mutation));
    } catch (error) {
      if (error instanceof ApiError && error.status === 413 && batchSize > 1) {
        batchSize = Math.ceil(batchSize / 2);
        continue;
      }
      // A refused token says nothing about the rows: they stay exactly as they were.
      if (!(error instanceof ApiError && error.status === 401)) await countFailedAttempt(db, ids);
      throw error;
    }
    const summary = await applyPushResponse(db, rows, response);
    const answered = summary.applied + summary.duplicate + summary.rejected + summary.conflicts;
    progress.sent += answered;
    progress.applied += summary.applied;
    progress.duplicate += summary.duplicate;
    progress.rejected += summary.rejected;
    progress.conflicts += summary.conflicts;
    // Unanswered rows stay queued for the next push; going on would re-send them in a loop.
    if (answered < rows.length) {
      throw new ContractError(`The server answered ${answered} of ${rows.length} mutations.`);
    }
    after = stored[stored.length - 1]?.mutationId ?? after;
  }
}
