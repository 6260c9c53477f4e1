/**
 * A push answer on the tablet's rows: the answered outbox rows leave, later
 * queued versions are rebased on what the server made of an applied one, and
 * each kind's handler (kinds/registry.ts) works out what its answers change on
 * its own rows (a record's status and reason, a student's roster row).
 * sync/push.ts sends the batches and calls applyAnswerOnce for each answer.
 */
import type { MesaDb, OutboxRecordRow, OutboxRow } from './schema';
import { queuedBase, rebaseQueued } from './outbox';
import { recordIndex } from './records';
import { forEachKind, kindOf, MUTATION_KIND_NAMES, type MutationKind, type MutationResult, type PushResponse } from '../../shared/protocol';
import type { Answer, AnswerPlan } from './kinds/handler';
import { tabletKind, tabletKindNamed } from './kinds/registry';

/** Counts of the server's answers so far. */
export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
  conflicts: number;
}

/**
 * Each kind's plan for the answer, worked out from a snapshot of the rows it
 * touches and sealed before the transaction (WebCrypto cannot run inside it).
 * An answer counts only for a row that was sent, under that row's record id.
 */
async function planAnswer(db: MesaDb, sent: readonly OutboxRow[], response: PushResponse): Promise<AnswerPlan[]> {
  const key = recordIndex(db).key();
  const byId = new Map(sent.map((row) => [row.mutationId, row]));
  const rows = forEachKind((): OutboxRow[] => []);
  const answers = forEachKind((): Answer<MutationKind>[] => []);
  for (const row of sent) rows[kindOf(row.mutation)].push(row);
  for (const result of response.results) {
    const row = byId.get(result.mutationId);
    if (row && row.recordId === result.recordId) answers[kindOf(row.mutation)].push({ row, result });
  }
  const plans: AnswerPlan[] = [];
  for (const kind of MUTATION_KIND_NAMES) plans.push(await tabletKindNamed(kind).planAnswers(db, key, rows[kind], answers[kind]));
  return plans;
}

/** The tables push's answer transaction writes: the outbox and every kind's own. */
function answerTables(): string[] {
  return ['outbox', ...new Set(MUTATION_KIND_NAMES.flatMap((kind) => tabletKindNamed(kind).answerTables))];
}

/**
 * One attempt at applying a push answer in ONE transaction. The rows' new
 * states are planned and sealed first; if one changed before the transaction
 * ran, nothing is written and the result is null (plan again). Returns the
 * counts of answers.
 */
export async function applyAnswerOnce(db: MesaDb, sent: OutboxRow[], response: PushResponse): Promise<PushSummary | null> {
  const plans = await planAnswer(db, sent, response);
  const summary = await db.transaction('rw', answerTables(), () => writeAnswer(db, sent, response, plans));
  if (summary) for (const plan of plans) plan.committed(db);
  return summary;
}

/**
 * The transaction of applyAnswerOnce; null when a planned row changed meanwhile
 * (nothing written). Its reads go to IndexedDB together, then its writes
 * together: they touch different rows (a rebased row is never one that leaves),
 * and each await in a transaction is a round trip to the database.
 */
async function writeAnswer(db: MesaDb, sent: OutboxRow[], response: PushResponse, plans: readonly AnswerPlan[]): Promise<PushSummary | null> {
  const { answered, summary } = answeredRows(sent, response);
  const [fresh, rebased] = await Promise.all([Promise.all(plans.map((plan) => plan.unchanged(db))), rebaseLater(db, answered)]);
  if (!fresh.every(Boolean)) return null;
  await Promise.all([
    db.outbox.bulkDelete(answered.map(({ row }) => row.mutationId)),
    db.outbox.bulkPut(rebased),
    ...plans.map((plan) => plan.write(db)),
  ]);
  return summary;
}

/**
 * The sent rows the response answers, in its order, and the counts. An answer
 * for something we did not send (or for another record) is ignored, so a
 * confused server can never delete an unsent row.
 */
function answeredRows(sent: readonly OutboxRow[], response: PushResponse): { answered: { row: OutboxRow; result: MutationResult }[]; summary: PushSummary } {
  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0, conflicts: 0 };
  const byId = new Map(sent.map((row) => [row.mutationId, row]));
  const answered: { row: OutboxRow; result: MutationResult }[] = [];
  for (const result of response.results) {
    const row = byId.get(result.mutationId);
    if (!row || row.recordId !== result.recordId) continue;
    byId.delete(result.mutationId);
    answered.push({ row, result });
    if (result.status === 'conflict') summary.conflicts++;
    else summary[result.status]++;
  }
  return { answered, summary };
}

/**
 * The queued rows that the answers rebase, read in one query and changed in
 * memory: answer by answer, as the server gave them, a row leaves the outbox,
 * and after an applied one the later versions of its record queued on the base
 * it was built on now build on what the server made of it (they were edited
 * from it). Returns the rebased rows that stay queued.
 */
async function rebaseLater(db: MesaDb, answered: readonly { row: OutboxRow; result: MutationResult }[]): Promise<OutboxRecordRow[]> {
  const rebasing = answered.filter(({ row, result }) => result.status === 'applied' && tabletKind(row.mutation).base(row.mutation) !== undefined);
  // Dexie follows its transaction only through its own promises: the read runs even when there is nothing to rebase.
  const queued = await db.outbox.where('recordId').anyOf([...new Set(rebasing.map(({ row }) => row.recordId))]).toArray();
  const byRecord = new Map<string, OutboxRecordRow[]>();
  for (const row of queued) byRecord.set(row.recordId, [...(byRecord.get(row.recordId) ?? []), row]);
  const gone = new Set<number>();
  const changed = new Map<number, OutboxRecordRow>();
  for (const { row, result } of answered) {
    gone.add(row.mutationId);
    if (result.status !== 'applied') continue;
    const base = tabletKind(row.mutation).base(row.mutation);
    if (base === undefined) continue;
    for (const later of byRecord.get(row.recordId) ?? []) {
      if (gone.has(later.mutationId) || later.mutationId <= row.mutationId || queuedBase(later) !== base) continue;
      rebaseQueued(later, result.serverVersion);
      changed.set(later.mutationId, later);
    }
  }
  return [...changed.values()].filter((row) => !gone.has(row.mutationId));
}
