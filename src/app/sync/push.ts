/**
 * Push: sends the outbox to the server in mutation-id order and applies each
 * answer in one transaction. A row leaves the outbox only when the server has
 * answered for it (applied, duplicate, rejected and conflict are all answers);
 * anything else (no answer, a 5xx, a 401) leaves every row where it is, and the
 * next push re-sends them: the server skips ids it already applied, as duplicates.
 */
import type { ApplicationRow, LocalApplication, MesaDb, OutboxRow } from '../db/schema';
import { openOutbox, queuedBase, rebaseQueued } from '../db/outbox';
import { openSettled } from '../db/setAside';
import { recordIndex, rowStamp } from '../db/records';
import { sealApplication } from '../crypto/sealed-fields';
import { statusAfterAnswer } from '../../shared/lifecycle';
import { isSsidUpdate, MAX_MUTATIONS_PER_PUSH, type MutationResult, type PushResponse } from '../../shared/protocol';
import { ApiError, ContractError } from './api';
import { planSsidAnswers, ssidAnswerRowsUnchanged, writeSsidAnswers, type SsidAnswerPlan } from './ssidAnswers';

/**
 * Mutations per request. A full application is about 1 KB of JSON, so 250 is
 * about 250 KB before gzip: small enough to finish on a slow school link, large
 * enough that 1,000 records take four round trips.
 */
export const PUSH_BATCH_SIZE = Math.min(250, MAX_MUTATIONS_PER_PUSH);

/** Counts of the server's answers so far. */
export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
  conflicts: number;
}

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

/** The record's new state after an answer, or null when nothing changes. */
function recordAfterAnswer(record: LocalApplication, row: OutboxRow, result: MutationResult): Partial<LocalApplication> | null {
  const changes: Partial<LocalApplication> = {};
  const status = statusAfterAnswer(record, { version: row.version, outcome: result.status });
  if (status !== record.status) changes.status = status;
  // The server's version is a fact about the server whichever local version it
  // answers for; it only ever grows. A stale-version conflict reports it too, so
  // the advisor's next confirmed version is based on what the server now holds.
  const serverVersion = 'serverVersion' in result ? result.serverVersion : undefined;
  if (serverVersion !== undefined && serverVersion > (record.serverVersion ?? 0)) {
    changes.serverVersion = serverVersion;
  }
  if (row.version === record.version) {
    if (result.status === 'rejected' || result.status === 'conflict') changes.serverReason = result.reason;
    else if (record.serverReason !== null) changes.serverReason = null;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Attempts to apply one answer when records keep changing under it (the advisor typing in another tab). */
const APPLY_ATTEMPTS = 5;

/** Records the answer touches, as read and decrypted before the transaction, and their state after it. */
interface AnswerPlan {
  stamps: Map<string, string | null>;
  /** SSID updates' answers on the students' roster rows. */
  roster: SsidAnswerPlan;
  after: Map<string, { before: LocalApplication; next: LocalApplication; sealed: ApplicationRow | null }>;
}

/**
 * Works out every record's state after the answer from a snapshot, and seals the
 * ones whose server reason changes (it is sealed, and WebCrypto cannot run in the
 * transaction that writes it).
 */
async function planAnswer(db: MesaDb, sent: readonly OutboxRow[], response: PushResponse): Promise<AnswerPlan> {
  const index = recordIndex(db);
  const key = index.key();
  const byId = new Map(sent.map((row) => [row.mutationId, row]));
  const ids = [...new Set(sent.filter((row) => !isSsidUpdate(row.mutation)).map((row) => row.recordId))];
  const rows = await db.applications.bulkGet(ids);
  const plan: AnswerPlan = { stamps: new Map(), after: new Map(), roster: await planSsidAnswers(db, key, sent, response) };
  for (const [i, row] of rows.entries()) {
    plan.stamps.set(ids[i]!, rowStamp(row));
    if (row) {
      const app = await index.open(row);
      plan.after.set(app.id, { before: app, next: app, sealed: null });
    }
  }
  for (const result of response.results) {
    const row = byId.get(result.mutationId);
    const entry = row ? plan.after.get(row.recordId) : undefined;
    if (!row || !entry || row.recordId !== result.recordId) continue;
    const changes = recordAfterAnswer(entry.next, row, result);
    if (changes) entry.next = { ...entry.next, ...changes };
  }
  for (const entry of plan.after.values()) {
    if (JSON.stringify(entry.next.serverReason) !== JSON.stringify(entry.before.serverReason)) {
      entry.sealed = await sealApplication(key, entry.next);
    }
  }
  return plan;
}

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
    const plan = await planAnswer(db, sent, response);
    const summary = await db.transaction('rw', [db.outbox, db.applications, db.roster], () => writeAnswer(db, sent, response, plan));
    if (summary) {
      const index = recordIndex(db);
      for (const entry of plan.after.values()) if (entry.sealed) index.remember(entry.sealed, entry.next);
      return summary;
    }
  }
  // Every row stays queued: the next push sends them again and the server answers "duplicate".
  throw new ContractError('Records kept changing while the server’s answer was saved; it will be fetched again.');
}

/** The transaction of applyPushResponse; null when a planned record changed meanwhile (nothing written). */
async function writeAnswer(db: MesaDb, sent: OutboxRow[], response: PushResponse, plan: AnswerPlan): Promise<PushSummary | null> {
  for (const [id, stamp] of plan.stamps) {
    if (rowStamp(await db.applications.get(id)) !== stamp) return null;
  }
  if (!(await ssidAnswerRowsUnchanged(db, plan.roster))) return null;
  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0, conflicts: 0 };
  const byId = new Map(sent.map((row) => [row.mutationId, row]));
  for (const result of response.results) {
    const row = byId.get(result.mutationId);
    // An answer for something we did not send (or for another record) is ignored,
    // so a confused server can never delete an unsent row.
    if (!row || row.recordId !== result.recordId) continue;
    byId.delete(result.mutationId);
    await db.outbox.delete(row.mutationId);
    if (result.status === 'conflict') summary.conflicts++;
    else summary[result.status]++;

    const { mutation } = row;
    // Its answer on the roster row was planned and sealed before the transaction.
    if (isSsidUpdate(mutation)) continue;
    if (result.status === 'applied') {
      const base = mutation.baseServerVersion;
      await db.outbox
        .where('recordId')
        .equals(row.recordId)
        .modify((later) => {
          if (later.mutationId > row.mutationId && queuedBase(later) === base) rebaseQueued(later, result.serverVersion);
        });
    }
  }
  await writeSsidAnswers(db, plan.roster);
  for (const entry of plan.after.values()) {
    const { before, next, sealed } = entry;
    if (sealed) await db.applications.put(sealed);
    else if (next.status !== before.status || next.serverVersion !== before.serverVersion) {
      await db.applications.update(next.id, { status: next.status, serverVersion: next.serverVersion });
    }
  }
  return summary;
}

/** Counts a send that got no answer on each of its rows (shown as "tried n times"). */
async function countFailedAttempt(db: MesaDb, ids: number[]): Promise<void> {
  await db.outbox.where('mutationId').anyOf(ids).modify((row) => {
    row.attempts += 1;
  });
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
    const stored = await db.outbox.where('mutationId').above(after).limit(batchSize).toArray();
    // Mutations are sealed at rest: a locked vault stops the push here (VaultLockedError), before anything is sent.
    const key = recordIndex(db).key();
    // A row that fails its schema is set aside (listed for repair), never sent and never in the way of the rest.
    const { opened: rows, aside } = await openSettled(stored, (row) => openOutbox(key, row));
    progress.total = progress.sent + (await db.outbox.where('mutationId').above(after).count()) - aside.length;
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
