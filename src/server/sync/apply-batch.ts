/**
 * Applies a push's new mutations in order, set-based where that is safe: each
 * run of application mutations reads what it names in a few queries (BatchState)
 * and gathers its writes into multi-row inserts (BatchWrites). An SSID update
 * goes through its own one-by-one path: what was gathered is written first, and
 * the next run reads the database afresh, so it sees that update's change.
 */
import { isSsidUpdate, refusal, type AnyMutation, type Mutation, type MutationResult } from '../../shared/protocol';
import type { Executor } from '../queries/executor';
import { withSavepoint } from '../queries/savepoint';
import { isRecordRefusal } from '../db/errors';
import { applyMutation, type PushContext } from './apply-mutation';
import { applySsidUpdate } from './apply-ssid-update';
import { BatchState } from './batch-state';
import { BatchWrites } from './batch-writes';

/** A mutation with its answer already known (duplicate, invalid), or one to apply. */
export type Triaged = { result: MutationResult } | { mutation: AnyMutation };

/** Every mutation answered `duplicate`: the device sent nothing new. */
export function duplicates(envelopes: readonly { mutationId: number; recordId?: string }[]): MutationResult[] {
  return envelopes.map(({ mutationId, recordId = '' }) => ({ mutationId, recordId, status: 'duplicate' }));
}

/** Applies the mutations to apply, in order, and answers each. */
export async function applyBatch(trx: Executor, ctx: PushContext, triaged: readonly Triaged[]): Promise<MutationResult[]> {
  // Takes the center's change lock before reading any row the push may change (see change-seq.ts).
  const writes = await BatchWrites.start(trx, ctx.centerId);
  const results: MutationResult[] = [];
  let state: BatchState | null = null;
  for (const [i, item] of triaged.entries()) {
    if ('result' in item) {
      results.push(item.result);
    } else if (isSsidUpdate(item.mutation)) {
      await writes.flush();
      results.push(await applySsidUpdate(trx, ctx, item.mutation));
      await writes.resync();
      state = null;
    } else {
      state ??= await BatchState.load(trx, ctx.centerId, applicationRun(triaged, i));
      results.push(await applyMutation(state, writes, ctx, item.mutation));
    }
  }
  await writes.flush();
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

/** The application mutations from `start` up to the next SSID update. */
function applicationRun(triaged: readonly Triaged[], start: number): Mutation[] {
  const run: Mutation[] = [];
  for (const item of triaged.slice(start)) {
    if ('result' in item) continue;
    if (isSsidUpdate(item.mutation)) break;
    run.push(item.mutation);
  }
  return run;
}
