/**
 * pushOutbox's own rules with a stand-in transport: a request too large is sent
 * again in halves, a failed send counts an attempt on each row but a refused
 * token does not, an answer that leaves rows out stops the push with those rows
 * still queued, and progress counts what was answered. The real server's side
 * is in sync-with-server.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MesaDb } from '../../../src/app/db/schema';
import { ApiError, ContractError } from '../../../src/app/sync/api';
import { pushOutbox, type PushOptions, type PushProgress } from '../../../src/app/sync/push';
import { PROBLEMS, type ProblemBody } from '../../../src/shared/problems';
import type { Mutation, MutationResult, PushResponse } from '../../../src/shared/protocol';
import { completeFields, freshDb, queueRecord } from './fixtures';
import { readRecord } from '../harness';

let db: MesaDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

/** Queues `n` records in confirmation order. */
async function queue(n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await queueRecord(db, completeFields(i, 's1'));
}

/** A server that applies every mutation it is sent, as version 1. */
function applyAll(mutations: Mutation[]): PushResponse {
  const results: MutationResult[] = mutations.map((m) => ({ mutationId: m.mutationId, recordId: m.recordId, status: 'applied', serverVersion: 1 }));
  return { lastAppliedMutationId: Math.max(...results.map((r) => r.mutationId)), results };
}

/** A server that applies everything, noting how many mutations each request carried. */
function countingSizes(): { sizes: number[]; send: PushOptions['send'] } {
  const sizes: number[] = [];
  return {
    sizes,
    send: async (_token, _device, mutations) => {
      sizes.push(mutations.length);
      return applyAll(mutations as Mutation[]);
    },
  };
}

const options = (send: PushOptions['send'], more: Partial<PushOptions> = {}): PushOptions => ({ token: 't', deviceId: 'd', send, ...more });
const attempts = async () => (await db.outbox.orderBy('mutationId').toArray()).map((row) => row.attempts);

describe('pushOutbox', () => {
  it('sends a batch the server finds too large again in halves, and saves every record’s answer once', async () => {
    await queue(5);
    const sizes: number[] = [];
    const send: PushOptions['send'] = async (_token, _device, mutations) => {
      sizes.push(mutations.length);
      if (mutations.length > 2) throw new ApiError(413, PROBLEMS.tooLarge);
      return applyAll(mutations as Mutation[]);
    };

    const progress = await pushOutbox(db, options(send, { batchSize: 5 }));

    // [4, 5] went out behind [1, 2, 3] before its 413 came: it is sent again after [1, 2] and [3, 4].
    expect(sizes).toEqual([5, 3, 2, 2, 2, 1]);
    expect(progress).toEqual({ sent: 5, total: 5, applied: 5, duplicate: 0, rejected: 0, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a single record the server finds too large queued, and says so', async () => {
    await queue(1);
    const send: PushOptions['send'] = async () => {
      throw new ApiError(413, PROBLEMS.tooLarge);
    };

    await expect(pushOutbox(db, options(send, { batchSize: 2 }))).rejects.toMatchObject({ status: 413 });

    expect(await attempts()).toEqual([1]);
  });

  it('counts a failed send as an attempt on each row it carried, and a refused token as none', async () => {
    await queue(3);
    const failing = (status: number, problem: ProblemBody) => async () => {
      throw new ApiError(status, problem);
    };

    await expect(pushOutbox(db, options(failing(500, PROBLEMS.internal), { batchSize: 2 }))).rejects.toMatchObject({ status: 500 });
    expect(await attempts()).toEqual([1, 1, 0]);
    await expect(pushOutbox(db, options(failing(401, PROBLEMS.unauthenticated), { batchSize: 2 }))).rejects.toMatchObject({ status: 401 });
    expect(await attempts()).toEqual([1, 1, 0]);
  });

  it('stops when the server leaves mutations unanswered, keeping them queued for the next push', async () => {
    await queue(3);
    const send: PushOptions['send'] = async (_token, _device, mutations) => applyAll((mutations as Mutation[]).slice(0, 1));

    const error = await pushOutbox(db, options(send)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toBe('The server answered 1 of 3 mutations.');
    expect(await db.outbox.count()).toBe(2);
  });

  it('sends every mutation once in id order, and reports progress batch by batch, counting each kind of answer', async () => {
    await queue(5);
    const statuses = ['applied', 'duplicate', 'rejected', 'conflict', 'applied'] as const;
    const sentIds: number[] = [];
    const send: PushOptions['send'] = async (_token, _device, mutations) => {
      const results = (mutations as Mutation[]).map((m): MutationResult => {
        sentIds.push(m.mutationId);
        const status = statuses[m.mutationId - 1]!;
        if (status === 'applied') return { mutationId: m.mutationId, recordId: m.recordId, status, serverVersion: 1 };
        if (status === 'duplicate') return { mutationId: m.mutationId, recordId: m.recordId, status };
        if (status === 'rejected') return { mutationId: m.mutationId, recordId: m.recordId, status, reason: { code: 'unknown_school', message: 'Not your school.' } };
        return { mutationId: m.mutationId, recordId: m.recordId, status, reason: { code: 'ssid_taken', message: 'This CA SSID belongs to another student.' } };
      });
      return { lastAppliedMutationId: Math.max(...results.map((r) => r.mutationId)), results };
    };
    const seen: PushProgress[] = [];

    const progress = await pushOutbox(db, options(send, { batchSize: 2, onProgress: (p) => seen.push(p) }));

    expect(sentIds).toEqual([1, 2, 3, 4, 5]);
    // An answer may still be saving when the next batch is reported: sent only grows.
    expect(seen.map((p) => p.total)).toEqual([5, 5, 5, 5]);
    expect(seen.map((p) => p.sent)).toEqual([...seen.map((p) => p.sent)].sort((a, b) => a - b));
    expect([seen[0]?.sent, seen.at(-1)?.sent]).toEqual([0, 5]);
    expect(progress).toEqual({ sent: 5, total: 5, applied: 2, duplicate: 1, rejected: 1, conflicts: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('never sends a row that fails its schema, nor counts it as waiting', async () => {
    // The bad row comes first in send order, alone in its batch.
    await db.outbox.put({ mutationId: 1, recordId: 'lost-record', version: 1, createdAt: 1, attempts: 0, mutation: { nonsense: true } } as never);
    await db.meta.put({ key: 'nextMutationId', value: 2 });
    await queue(2);
    const sizes: number[] = [];
    const send: PushOptions['send'] = async (_token, _device, mutations) => {
      sizes.push(mutations.length);
      return applyAll(mutations as Mutation[]);
    };
    const seen: PushProgress[] = [];

    const progress = await pushOutbox(db, options(send, { batchSize: 1, onProgress: (p) => seen.push(p) }));

    expect(sizes).toEqual([1, 1]);
    expect(seen.every((p) => p.total === 2)).toBe(true);
    expect(progress).toMatchObject({ sent: 2, total: 2, applied: 2 });
    expect((await db.outbox.toArray()).map((row) => row.mutationId)).toEqual([1]);
  });

  it('sends a batch the server held out of order again, after the one before it was answered', async () => {
    await queue(5);
    const calls: { ids: number[]; after?: number }[] = [];
    const send: PushOptions['send'] = async (_token, _device, mutations, after) => {
      const ids = (mutations as Mutation[]).map((m) => m.mutationId);
      calls.push({ ids, after });
      if (ids[0] === 3 && after !== undefined) throw new ApiError(409, PROBLEMS.pushOutOfOrder);
      return applyAll(mutations as Mutation[]);
    };

    const progress = await pushOutbox(db, options(send, { batchSize: 2 }));

    expect(calls).toEqual([
      { ids: [1, 2] },
      { ids: [3, 4], after: 2 },
      { ids: [5], after: 4 },
      { ids: [3, 4] },
      { ids: [5], after: 4 },
    ]);
    expect(progress).toEqual({ sent: 5, total: 5, applied: 5, duplicate: 0, rejected: 0, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('never has a record answered duplicate unstored when a request reaches the server before the one it follows', async () => {
    // A stand-in for the server's order rule: a push naming `after` is held until the
    // ledger reaches it (refused out of order after a while); one without is applied at
    // once, and ids at or below the ledger are answered duplicate and not stored.
    const queued = [];
    for (let n = 1; n <= 4; n++) queued.push((await queueRecord(db, completeFields(n, 's1'))).record.id);
    const stored: string[] = [];
    const afters: (number | undefined)[] = [];
    let ledger = 0;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const send: PushOptions['send'] = async (_token, _device, mutations, after) => {
      afters.push(after);
      // The first request is slow on the wire: the one behind it arrives first.
      if (afters.length === 1) await pause(40);
      for (let waited = 0; after !== undefined && ledger < after; waited += 5) {
        if (waited > 2_000) throw new ApiError(409, PROBLEMS.pushOutOfOrder);
        await pause(5);
      }
      const results = (mutations as Mutation[]).map((m): MutationResult => {
        if (m.mutationId <= ledger) return { mutationId: m.mutationId, recordId: m.recordId, status: 'duplicate' };
        stored.push(m.recordId);
        return { mutationId: m.mutationId, recordId: m.recordId, status: 'applied', serverVersion: 1 };
      });
      ledger = Math.max(ledger, ...(mutations as Mutation[]).map((m) => m.mutationId));
      return { lastAppliedMutationId: ledger, results };
    };

    const progress = await pushOutbox(db, options(send, { batchSize: 1 }));

    expect(afters).toEqual([undefined, 1, 2, 3]);
    expect(stored).toEqual(queued);
    expect(progress).toMatchObject({ sent: 4, applied: 4, duplicate: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops at a failed request and keeps the rows of the request out behind it queued, answered or not', async () => {
    await queue(5);
    const afters: (number | undefined)[] = [];
    const send: PushOptions['send'] = async (_token, _device, mutations, after) => {
      afters.push(after);
      if (after === undefined) throw new ApiError(500, PROBLEMS.internal);
      return applyAll(mutations as Mutation[]);
    };

    await expect(pushOutbox(db, options(send, { batchSize: 2 }))).rejects.toMatchObject({ status: 500 });

    expect(afters).toEqual([undefined, 2]);
    expect(await attempts()).toEqual([1, 1, 0, 0, 0]);
  });

  it('keeps the first and the last batch short, the ones between full', async () => {
    await queue(9);
    const { sizes, send } = countingSizes();

    await pushOutbox(db, options(send, { batchSize: 4, edgeSize: 1 }));

    expect(sizes).toEqual([1, 4, 3, 1]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends at most 250 records a request as shipped, the first and the last 50', async () => {
    await queue(400);
    const { sizes, send } = countingSizes();

    await pushOutbox(db, options(send));

    expect(sizes).toEqual([50, 250, 50, 50]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends nothing when the outbox is empty', async () => {
    const send: PushOptions['send'] = async () => {
      throw new Error('nothing should be sent');
    };
    expect(await pushOutbox(db, options(send))).toEqual({ sent: 0, total: 0, applied: 0, duplicate: 0, rejected: 0, conflicts: 0 });
  });
});

describe('applying an answer that names a mutation twice', () => {
  it('counts it once', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    const result: MutationResult = { mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 1 };
    const send: PushOptions['send'] = async () => ({ lastAppliedMutationId: row.mutationId, results: [result, result] });

    expect(await pushOutbox(db, options(send))).toMatchObject({ sent: 1, applied: 1 });
    expect((await readRecord({ db }, record.id)).status).toBe('synced');
  });
});
