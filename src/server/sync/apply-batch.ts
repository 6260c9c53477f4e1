/**
 * Applies a push's new mutations in order, each through its kind's handler
 * (kinds.ts), set-based where that is safe: a run of application mutations reads
 * what it names in a few queries and gathers its writes into multi-row inserts;
 * an SSID update applies alone, so the next run reads the database afresh and
 * sees that update's change (push-batch.ts).
 */
import { kindOf, refusal, type AnyMutation, type MutationKind, type MutationResult } from '../../shared/protocol';
import type { Executor } from '../queries/executor';
import { withSavepoint } from '../queries/savepoint';
import { isRecordRefusal } from '../db/errors';
import { serverKind } from './kinds';
import { PushBatch, type PushContext } from './push-batch';

/** A mutation with its answer already known (duplicate, invalid), or one to apply. */
export type Triaged = { result: MutationResult } | { mutation: AnyMutation };

/** Every mutation answered `duplicate`: the device sent nothing new. */
export function duplicates(envelopes: readonly { mutationId: number; recordId?: string }[]): MutationResult[] {
  return envelopes.map(({ mutationId, recordId = '' }) => ({ mutationId, recordId, status: 'duplicate' }));
}

/** Applies the mutations to apply, in order, and answers each. */
export async function applyBatch(trx: Executor, ctx: PushContext, triaged: readonly Triaged[]): Promise<MutationResult[]> {
  // Takes the center's change lock before reading any row the push may change (see change-seq.ts).
  const batch = await PushBatch.start(trx, ctx);
  const results: MutationResult[] = [];
  for (const [i, item] of triaged.entries()) {
    if ('result' in item) results.push(item.result);
    else results.push(await serverKind(item.mutation).apply(batch, item.mutation, () => kindRun(triaged, i, kindOf(item.mutation))));
  }
  await batch.flush();
  return results;
}

/**
 * Applies the mutations one by one, each in a savepoint: the path taken after the
 * database refused a write of the set-based path, so that the one record it
 * refused is answered `rejected` and the others still apply.
 */
export async function applyEachAlone(trx: Executor, ctx: PushContext, triaged: readonly Triaged[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const item of triaged) {
    if ('result' in item) {
      results.push(item.result);
      continue;
    }
    try {
      results.push(...(await withSavepoint(trx, () => applyBatch(trx, ctx, [item]))));
    } catch (error) {
      if (!isRecordRefusal(error)) throw error;
      const { mutationId, recordId } = item.mutation;
      results.push({ mutationId, recordId, status: 'rejected', reason: refusal('unstorable') });
    }
  }
  return results;
}

/** The mutations to apply from `start` (one of `kind`) up to the next one of another kind. */
function kindRun(triaged: readonly Triaged[], start: number, kind: MutationKind): AnyMutation[] {
  const run: AnyMutation[] = [];
  for (const item of triaged.slice(start)) {
    if ('result' in item) continue;
    if (kindOf(item.mutation) !== kind) break;
    run.push(item.mutation);
  }
  return run;
}
