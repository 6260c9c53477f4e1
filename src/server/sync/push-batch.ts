/**
 * A push's pass through its new mutations, as each kind's handler sees it (the
 * handlers are in kinds.ts): the transaction, who pushes, the writes gathered
 * into multi-row inserts (BatchWrites), and the read state (BatchState) that a
 * run of application mutations shares. A kind that cannot share them applies
 * `alone`: what was gathered is written first, and the next run reads afresh.
 */
import type { MutationKind, MutationOf, Mutation, ResultOf } from '../../shared/protocol';
import type { Executor } from '../queries/executor';
import { BatchState } from './batch-state';
import { BatchWrites } from './batch-writes';

/** Who is pushing, from where, and when. */
export interface PushContext {
  userId: string;
  centerId: string;
  deviceId: string;
  now: string;
}

/** The server's side of one kind of mutation: how a push applies it, and what its conflicts disclose. */
export interface ServerKind<K extends MutationKind> {
  /**
   * Applies `mutation` inside the push transaction and answers it. `run()` is
   * this mutation and those of its kind right after it in the push, for a kind
   * that reads what a whole run names at once.
   */
  apply(batch: PushBatch, mutation: MutationOf<K>, run: () => readonly MutationOf<K>[]): Promise<ResultOf<K>>;
  /** The SSID that an `ssid_taken` conflict of `mutation` is about (ssid-disclosures.ts). */
  ssid(mutation: MutationOf<K>): string;
}

/** One push transaction's gathered writes and shared read state. */
export class PushBatch {
  private state: BatchState | null = null;

  private constructor(readonly trx: Executor, readonly ctx: PushContext, readonly writes: BatchWrites) {}

  /** Takes the center's change lock before any row the push may change is read (see change-seq.ts). */
  static async start(trx: Executor, ctx: PushContext): Promise<PushBatch> {
    return new PushBatch(trx, ctx, await BatchWrites.start(trx, ctx.centerId));
  }

  /** The read state, loaded for `run` (in a few queries) the first time a run asks after the batch started or a write went `alone`. */
  async readState(run: () => readonly Mutation[]): Promise<BatchState> {
    this.state ??= await BatchState.load(this.trx, this.ctx.centerId, run());
    return this.state;
  }

  /** Runs `write` straight against the database: what was gathered is written first, and what runs next reads afresh. */
  async alone<T>(write: () => Promise<T>): Promise<T> {
    await this.writes.flush();
    const result = await write();
    await this.writes.resync();
    this.state = null;
    return result;
  }

  /** Writes what is still gathered: call once every mutation is applied. */
  flush(): Promise<void> {
    return this.writes.flush();
  }
}
