/**
 * What the tablet does with one kind of mutation (shared MUTATION_KINDS in
 * protocol.ts), in one module per kind beside this file: what stays plain beside
 * its seal in the outbox, what a push answer changes on the tablet's rows, and
 * how a backup carries it. The generic code (outbox.ts, pushAnswers.ts,
 * backup/merge.ts and envelope.ts) dispatches through registry.ts.
 */
import type { MutationKind, MutationOf, MutationResult } from '../../../shared/protocol';
import type { MesaDb, OutboxRow } from '../schema';

/** An outbox row holding a mutation of kind `K`. */
export type KindRow<K extends MutationKind> = OutboxRow & { mutation: MutationOf<K> };

/** One answer of a push for a row that was sent. */
export interface Answer<K extends MutationKind> {
  row: KindRow<K>;
  result: MutationResult;
}

/**
 * What a push answer changes on the tablet's rows besides the outbox, worked out
 * and sealed before push's transaction (WebCrypto would end it). Inside the
 * transaction a method awaits Dexie calls only, and at least one even when it
 * has nothing to do (an empty bulkGet): Dexie follows its transaction across
 * an await only through its own promises.
 */
export interface AnswerPlan {
  /** Inside push's transaction: true when every row the plan read is as it was read (else it plans again). */
  unchanged(db: MesaDb): Promise<boolean>;
  /** Inside push's transaction, once unchanged() said yes, beside the outbox's writes (other rows): writes what was planned. */
  write(db: MesaDb): Promise<void>;
  /** After the transaction committed. */
  committed(db: MesaDb): void;
}

/** The tables besides the outbox that a kind's answers write: push's transaction takes them all. */
export type AnswerTable = 'applications' | 'roster';

/** What a backup import knows when it decides which queued rows of the file to queue again. */
export interface ImportState {
  /** The version above which the file's rows for `recordId` are queued; undefined when the import does not take that record. */
  queueAbove(recordId: string): number | undefined;
  /** Record ids this tablet's outbox queues already. */
  queuedHere: ReadonlySet<string>;
}

/** The tablet's side of one kind of mutation. */
export interface TabletKind<K extends MutationKind> {
  /**
   * The base server version kept plain beside the sealed mutation, so push can
   * rebase later versions inside its transaction; undefined for a kind without one.
   */
  base(mutation: Omit<MutationOf<K>, 'mutationId'>): number | null | undefined;
  /** `mutation` built on server version `base` (as it is, for a kind without one). */
  rebased(mutation: MutationOf<K>, base: number | null): MutationOf<K>;
  /** The tables its answers write. */
  answerTables: readonly AnswerTable[];
  /** Reads and seals what `answers` change; `sent` is every row of this kind the push sent. */
  planAnswers(db: MesaDb, key: CryptoKey, sent: readonly KindRow<K>[], answers: readonly Answer<K>[]): Promise<AnswerPlan>;
  /** Whether a backup import queues the file's `row` on this tablet. */
  importsRow(row: KindRow<K>, state: ImportState): boolean;
  /** Whether a backup file must carry the application record its rows belong to. */
  needsRecordInFile: boolean;
}
