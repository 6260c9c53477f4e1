/**
 * Idempotent push (design section 7): one transaction per request; mutation ids
 * at or below the last one applied for this device and user are answered
 * `duplicate` and skipped; the rest are validated and applied in order; the
 * ledger moves to the highest id processed, rejected and conflicting ones
 * included, so one bad record never blocks the queue. The ledger is the device's
 * and the signed-in user's (design section 8), and a push may reach at most
 * MAX_MUTATION_ID_LEAD past the device's furthest ledger. A push that names
 * `after` (pipelined behind another) waits for the ledger to reach it, and is
 * refused as out of order if it does not, so pushes apply in the tablet's order
 * whatever order they arrive in.
 */
import { z } from 'zod';
import { anyMutationSchema, claimedKind, forEachKind, MUTATION_KINDS, refusal, MAX_MUTATION_ID_LEAD, PUSH_ORDER_WAIT_MS, pushRequestSchema, type MutationResult, type PushResponse } from '../../shared/protocol';
import type { DatabaseHandle } from '../db/connect';
import { isRecordRefusal, isRetryable } from '../db/errors';
import { Problem } from '../http/problem';
import { parseOrThrow, storable } from '../http/validation';
import { deviceHighWater, ledgerOf, lockDevice, setLastAppliedMutationId } from '../queries/devices';
import type { PushContext } from './push-batch';
import { applyBatch, applyEachAlone, duplicates, type Triaged } from './apply-batch';
import { guardSsidDisclosures } from './ssid-disclosures';
import type { Executor } from '../queries/executor';
import { ColumnBatchError, fromColumns } from '../../shared/column-batch';

/** What every mutation must carry for the queue to be ordered at all. */
const envelopeSchema = z.object({ mutationId: z.number().int().positive(), recordId: z.string().max(100).optional() });

const ATTEMPTS = 3;

/** The push's mutations as objects, whether sent so or as a column batch; a batch that does not describe its rows is refused whole. */
function mutationsOf(request: z.infer<typeof pushRequestSchema>): unknown[] {
  if (!request.columns) return request.mutations ?? [];
  try {
    return fromColumns(request.columns);
  } catch (error) {
    if (error instanceof ColumnBatchError) throw new Problem('invalidBody', [{ field: `columns.${error.path}`, message: error.message }]);
    throw error;
  }
}

/** A mutation the databases can store: a NUL in one record rejects that record, not the push. */
const storableMutationSchema = storable(anyMutationSchema);
/** Each kind alone, to name the fields of a refused one by the schema of the kind it says it is. */
const storableKindSchemas = forEachKind((kind) => storable(MUTATION_KINDS[kind].schema));

/**
 * Runs a push for the signed-in user; `sessionDeviceId` is the device their
 * token was issued to. `orderWaitMs`: how long a push naming `after` waits for
 * the ledger to reach it.
 */
export async function push(handle: DatabaseHandle, caller: { userId: string; centerId: string; sessionDeviceId: string }, body: unknown, orderWaitMs = PUSH_ORDER_WAIT_MS): Promise<PushResponse> {
  const request = parseOrThrow(pushRequestSchema, body);
  // A token works only for the device it was issued to: a device's queue is its own.
  if (request.deviceId !== caller.sessionDeviceId) throw new Problem('forbidden');
  const mutations = mutationsOf(request);
  const envelopes = mutations.map((m, i) => {
    const parsed = envelopeSchema.safeParse(m);
    if (!parsed.success) throw new Problem('invalidBody', [{ field: `mutations.${i}.mutationId`, message: 'Each mutation needs a positive whole-number mutationId.' }]);
    return parsed.data;
  });
  envelopes.forEach((e, i) => {
    const previous = envelopes[i - 1];
    if (previous && e.mutationId <= previous.mutationId) {
      throw new Problem('invalidBody', [{ field: `mutations.${i}.mutationId`, message: 'Mutation ids must increase within a push.' }]);
    }
  });
  const highest = envelopes[envelopes.length - 1]?.mutationId ?? 0;
  const { after } = request;
  if (after !== undefined && after >= envelopes[0]!.mutationId) {
    throw new Problem('invalidBody', [{ field: 'after', message: 'A push follows ids below its own.' }]);
  }
  if (after !== undefined) await ledgerReaches(handle, request.deviceId, caller.userId, after, orderWaitMs);

  // After the database refused a write, run again one record at a time so only that record is refused.
  let oneByOne = false;
  for (let attempt = 1; ; attempt++) {
    const ctx: PushContext = { userId: caller.userId, centerId: caller.centerId, deviceId: request.deviceId, now: new Date().toISOString() };
    try {
      return await handle.db.transaction().execute(async (trx) => {
        const ledger = await lockDevice(trx, request.deviceId, caller.userId, ctx.now);
        if (!ledger) throw new Problem('forbidden');
        const last = ledger.lastAppliedMutationId;
        // Checked under the ledger's lock: the wait above only spares a refusal.
        if (after !== undefined && last < after) throw new Problem('pushOutOfOrder');
        // Another user's ledger on this device may reach further: read it only when this one's reach is not enough.
        if (highest > last + MAX_MUTATION_ID_LEAD && highest > (await deviceHighWater(trx, request.deviceId)) + MAX_MUTATION_ID_LEAD) {
          throw new Problem('invalidBody', [{ field: `mutations.${envelopes.length - 1}.mutationId`, message: `A mutation id may be at most ${MAX_MUTATION_ID_LEAD} past the last one applied.` }]);
        }
        const results = highest > last ? await applyNew(trx, ctx, triage(mutations, envelopes, last), oneByOne) : duplicates(envelopes);
        const lastAppliedMutationId = Math.max(last, highest);
        if (lastAppliedMutationId !== last) await setLastAppliedMutationId(trx, request.deviceId, caller.userId, lastAppliedMutationId);
        return { lastAppliedMutationId, results };
      });
    } catch (error) {
      if (!oneByOne && isRecordRefusal(error)) {
        oneByOne = true;
        continue;
      }
      // Lost a race with another device (same new SSID, a deadlock): run again and see its commit.
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

/** How often a push waiting for the one before it looks at the ledger. */
const ORDER_POLL_MS = 15;

/**
 * Waits until the device and user's ledger reaches `after`, or `waitMs` have
 * passed (the push then finds out under the lock). The ledger is read from the
 * database, not from memory: the push before may land on another instance.
 */
async function ledgerReaches(handle: DatabaseHandle, deviceId: string, userId: string, after: number, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const ledger = await ledgerOf(handle.db, deviceId, userId);
    if (ledger === undefined || ledger >= after || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, ORDER_POLL_MS));
  }
}

/** Applies the new mutations (set-based, or one by one after a refusal) and guards what their conflicts disclose. */
async function applyNew(trx: Executor, ctx: PushContext, triaged: Triaged[], oneByOne: boolean): Promise<MutationResult[]> {
  const results = await (oneByOne ? applyEachAlone : applyBatch)(trx, ctx, triaged);
  const sent = new Map(triaged.flatMap((t) => ('mutation' in t ? [[t.mutation.mutationId, t.mutation] as const] : [])));
  return guardSsidDisclosures(trx, ctx, sent, results, new Date(ctx.now));
}

/** Each mutation as a duplicate (at or below the device's last id), a refusal of its shape, or one to apply. */
function triage(mutations: readonly unknown[], envelopes: readonly { mutationId: number; recordId?: string }[], last: number): Triaged[] {
  return mutations.map((raw, i) => {
    const { mutationId, recordId = '' } = envelopes[i]!;
    if (mutationId <= last) return { result: { mutationId, recordId, status: 'duplicate' } };
    const parsed = storableMutationSchema.safeParse(raw);
    if (parsed.success) return { mutation: parsed.data };
    return { result: { mutationId, recordId, status: 'rejected', reason: refusal('invalid', rejectedFields(raw, parsed.error)) } };
  });
}

/**
 * Field reasons named as the advisor knows them: `ssid`, not `application.ssid`,
 * for the kind of mutation that was sent.
 */
function rejectedFields(raw: unknown, unionError: z.core.$ZodError): { field: string; message: string }[] {
  const error = storableKindSchemas[claimedKind(raw)].safeParse(raw).error ?? unionError;
  // A reason names the paper field the advisor fixes ("ethnicity", not "application.ethnicity.0"), once.
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const field = path[0] === 'application' && path.length > 1 ? path[1]! : path.join('.');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}
