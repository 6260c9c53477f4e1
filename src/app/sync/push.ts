/**
 * Push: sends the outbox to the server in mutation-id order and applies each
 * answer in one transaction. A row leaves the outbox only when the server has
 * answered for it (applied, duplicate, rejected and conflict are all answers);
 * anything else (no answer, a 5xx, a 401) leaves every row where it is, and the
 * next push re-sends them: the server skips ids it already applied, as duplicates.
 */
import type { MesaDb, OutboxRecordRow, OutboxRow } from '../db/schema';
import { countFailedAttempt, countOutboxAfter, openOutbox, readOutboxAfter } from '../db/outbox';
import { applyAnswerOnce, type PushSummary } from '../db/pushAnswers';
import { openSettled } from '../db/setAside';
import { recordIndex, rowStamp } from '../db/records';
import { MAX_MUTATIONS_PER_PUSH, type PushResponse } from '../../shared/protocol';
import { PROBLEMS } from '../../shared/problems';
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
  /** `after`: the last mutation id of the request still out that this one follows. */
  send: (token: string, deviceId: string, mutations: OutboxRow['mutation'][], after?: number) => Promise<PushResponse>;
  batchSize?: number;
  /** Rows in the first and the last batch; EDGE_BATCH_SIZE unless given. */
  edgeSize?: number;
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

/** A batch read from the outbox and opened, ready to send. */
interface Batch {
  /** The mutation id it was read after. */
  after: number;
  /** The rows as stored, in send order. */
  stored: OutboxRecordRow[];
  /** The rows that opened: what is sent. */
  rows: OutboxRow[];
  /** Rows from this batch on at the read, less the ones set aside: what is left to send. */
  waiting: number;
}

/** Reads and opens up to `size` rows after mutation id `after`. */
async function readBatch(db: MesaDb, after: number, size: number): Promise<Batch> {
  // The count (for the progress bar) goes to IndexedDB with the read, not after the rows are opened.
  const [stored, count] = await Promise.all([readOutboxAfter(db, after, size), countOutboxAfter(db, after)]);
  // Mutations are sealed at rest: a locked vault stops the push here (VaultLockedError), before anything is sent.
  const key = recordIndex(db).key();
  // A row that fails its schema is set aside (listed for repair), never sent and never in the way of the rest.
  const { opened, aside } = await openSettled(stored, (row) => openOutbox(key, row));
  return { after, stored, rows: opened, waiting: count - aside.length };
}

/** Where the batch after `batch` starts. */
const lastId = (batch: Batch): number => batch.stored.at(-1)?.mutationId ?? batch.after;

/** Whether `batch` holds a version of a record `sent` holds: its answer may rebase the batch's rows. */
function sharesRecords(batch: Batch, sent: Batch): boolean {
  const records = new Set(sent.rows.map((row) => row.recordId));
  return batch.stored.some((row) => records.has(row.recordId));
}

/** `batch` as the outbox holds it now: read again when a row changed since it was read (an answer rebased it). */
async function reread(db: MesaDb, batch: Batch, size: number): Promise<Batch> {
  const now = await db.outbox.bulkGet(batch.stored.map((row) => row.mutationId));
  return now.every((row, i) => rowStamp(row) === rowStamp(batch.stored[i])) ? batch : readBatch(db, batch.after, size);
}

/**
 * Rows in the first and last batch of a push (when batches are larger): the
 * first is read and opened, and the last answer saved, with no request out to
 * overlap, so both are kept short.
 */
export const EDGE_BATCH_SIZE = 50;

/** How many rows to read next when `left` wait: the last batch is an edge batch. */
function nextSize(left: number, batchSize: number, edge: number): number {
  return edge < batchSize && left > edge ? Math.min(batchSize, left - edge) : Math.min(batchSize, Math.max(left, 1));
}

/** Whether `error` is the server holding a pipelined push whose predecessor never reached it. */
const outOfOrder = (error: unknown): boolean => error instanceof ApiError && error.problem.code === PROBLEMS.pushOutOfOrder.code;

/** A request out and the batch it carries. */
interface Flight {
  batch: Batch;
  answer: Promise<PushResponse>;
}

/**
 * Pushes the whole outbox, oldest mutation first, batch by batch. Two requests
 * may be out at once: each one after the first names the last mutation id of
 * the one before it still out (`after`), and the server applies it only after
 * that one, so the ledger sees the ids in order. The tablet's own work runs
 * while requests are out: each answer is saved, in the order sent, and the
 * next batch is read and opened. A batch that holds a record of a batch whose
 * answer is not saved yet waits for that save and is read again if the answer
 * rebased it, so what is sent is what the outbox holds. Throws what the
 * transport throws (the engine decides about backoff and sign-in); rows of a
 * batch without an answer stay queued. A 413 halves the batch and sends again
 * from it; a push the server found out of order is sent again after the one
 * before it was answered. A request out behind one that failed is left to the
 * server: it applies it in order or not at all, and a later push's rows it
 * applied come back as duplicates.
 */
export async function pushOutbox(db: MesaDb, options: PushOptions): Promise<PushProgress> {
  let batchSize = options.batchSize ?? PUSH_BATCH_SIZE;
  const edge = Math.min(options.edgeSize ?? EDGE_BATCH_SIZE, batchSize);
  const progress: PushProgress = { sent: 0, total: 0, applied: 0, duplicate: 0, rejected: 0, conflicts: 0 };
  // Rows of the batches sent and answered so far: each one is saved, or the push stops.
  let dispatched = 0;
  /** The last answer, being saved while requests are out. */
  let saving = null as { batch: Batch; done: Promise<void> } | null;
  /** The older request out, when two are. */
  let out = null as Flight | null;

  async function save(batch: Batch, response: PushResponse): Promise<void> {
    const summary = await applyPushResponse(db, batch.rows, response);
    const answered = summary.applied + summary.duplicate + summary.rejected + summary.conflicts;
    progress.sent += answered;
    progress.applied += summary.applied;
    progress.duplicate += summary.duplicate;
    progress.rejected += summary.rejected;
    progress.conflicts += summary.conflicts;
    // Unanswered rows stay queued for the next push; going on would re-send them in a loop.
    if (answered < batch.rows.length) {
      throw new ContractError(`The server answered ${answered} of ${batch.rows.length} mutations.`);
    }
  }

  /**
   * Waits for `flight`'s answer and starts saving it after the answer before.
   * Returns the batch to send again from when the request is to be sent again
   * (413, out of order); throws for any other failure.
   */
  async function land(flight: Flight): Promise<Batch | null> {
    let response: PushResponse;
    try {
      response = await flight.answer;
    } catch (error) {
      await saving?.done;
      saving = null;
      if (error instanceof ApiError && error.status === 413 && batchSize > 1) {
        batchSize = Math.ceil(batchSize / 2);
        return flight.batch;
      }
      if (outOfOrder(error)) return flight.batch;
      // A refused token says nothing about the rows: they stay exactly as they were.
      if (!(error instanceof ApiError && error.status === 401)) await countFailedAttempt(db, flight.batch.rows.map((row) => row.mutationId));
      throw error;
    }
    // Answers are saved in the order they came.
    await saving?.done;
    dispatched += flight.batch.rows.length;
    const done = save(flight.batch, response);
    done.catch(() => undefined);
    saving = { batch: flight.batch, done };
    return null;
  }

  /** Lands the request out, if any; the batch to send again from, as land. */
  async function landOut(): Promise<Batch | null> {
    const flight = out;
    out = null;
    return flight ? land(flight) : null;
  }

  let next = readBatch(db, 0, edge);
  for (;;) {
    let batch = await next;
    if (out && (batch.stored.length === 0 || sharesRecords(batch, out.batch))) {
      const again = await landOut();
      if (again) {
        next = readBatch(db, again.after, batchSize);
        continue;
      }
    }
    if (saving && (batch.stored.length === 0 || sharesRecords(batch, saving.batch))) {
      await saving.done;
      saving = null;
      batch = await reread(db, batch, batchSize);
    }
    progress.total = dispatched + (out?.batch.rows.length ?? 0) + batch.waiting;
    options.onProgress?.({ ...progress });
    if (batch.stored.length === 0) return progress;
    if (batch.rows.length === 0) {
      next = readBatch(db, lastId(batch), nextSize(batch.waiting, batchSize, edge));
      continue;
    }

    const after = out?.batch.rows.at(-1)?.mutationId;
    const flight: Flight = { batch, answer: options.send(options.token, options.deviceId, batch.rows.map((row) => row.mutation), after) };
    // Each is awaited later, or dropped when a request before it fails (the flight's rows then stay queued here).
    flight.answer.catch(() => undefined);
    // Read once the answer being saved is written: the checks above see only that answer and the requests out.
    const following = batch;
    next = (saving?.done ?? Promise.resolve()).then(() => readBatch(db, lastId(following), nextSize(following.waiting - following.rows.length, batchSize, edge)));
    next.catch(() => undefined);
    const again = await landOut();
    if (again) {
      next = readBatch(db, again.after, batchSize);
      continue;
    }
    out = flight;
  }
}
