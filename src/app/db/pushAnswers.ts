/**
 * A push answer on the tablet's rows: the answered outbox rows leave, each
 * record moves through statusAfterAnswer, later queued versions are rebased,
 * and an SSID update's answer goes to the student's roster row. sync/push.ts
 * sends the batches and calls applyAnswerOnce for each answer.
 */
import type { ApplicationRow, LocalApplication, MesaDb, OutboxRow } from './schema';
import { queuedBase, rebaseQueued } from './outbox';
import { recordIndex, rowStamp } from './records';
import { planSsidAnswers, ssidAnswerRowsUnchanged, writeSsidAnswers, type SsidAnswerPlan } from './ssidAnswers';
import { sealApplication } from '../crypto/sealed-fields';
import { statusAfterAnswer } from '../../shared/lifecycle';
import { isSsidUpdate, type MutationResult, type PushResponse } from '../../shared/protocol';

/** Counts of the server's answers so far. */
export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
  conflicts: number;
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
 * One attempt at applying a push answer in ONE transaction. The records' new
 * states are planned and sealed first; if one changed before the transaction
 * ran, nothing is written and the result is null (plan again). Returns the
 * counts of answers.
 */
export async function applyAnswerOnce(db: MesaDb, sent: OutboxRow[], response: PushResponse): Promise<PushSummary | null> {
  const plan = await planAnswer(db, sent, response);
  const summary = await db.transaction('rw', [db.outbox, db.applications, db.roster], () => writeAnswer(db, sent, response, plan));
  if (summary) {
    const index = recordIndex(db);
    for (const entry of plan.after.values()) if (entry.sealed) index.remember(entry.sealed, entry.next);
  }
  return summary;
}

/** The transaction of applyAnswerOnce; null when a planned record changed meanwhile (nothing written). */
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
