/**
 * The applications repository: drafts saved as they are typed, and confirmation,
 * which writes the record and its outbox row in one strict transaction.
 *
 * Rows are sealed (crypto/sealed-fields.ts). WebCrypto cannot run inside a Dexie
 * transaction (awaiting it commits the transaction early), so every write reads
 * and seals first, then in a short transaction checks the row is still the one
 * it read (rowStamp) and writes; if another tab or write got there first, it
 * reads again. Two tabs therefore neither lose an edit nor queue a record twice.
 *
 * Versions: a new record is version 1. Any saved change to a record that already
 * left the draft stage (queued, synced, rejected...) makes version n+1 at once,
 * so an answer from the server about version n can no longer overwrite the edit
 * (see statusAfterAnswer). Confirmation sends the current version as it is.
 */
import type { ApplicationRow, HeldKeyings, LocalApplication, LocalBatch, MesaDb, SecondLookLine } from './schema';
import type { Store } from './connection';
import { openRows, openRowsSettled, readApplication, readApplications, recordIndex, rowStamp } from './records';
import { toSetAsideRows, type SetAsideRow } from './setAside';
import { sealApplication } from '../crypto/sealed-fields';
import { blankFields, type ApplicationFields } from '../../shared/application';
import { canConfirm, statusAfterEdit, type Status } from '../../shared/lifecycle';
import { uuidv7 } from '../../shared/ids';
import type { AddableVerifiedField, Verification } from '../../shared/verification-record';
import { stillVouches } from '../../shared/verify-sheet';
import { getBatch, sheetDefaults } from './batches';
import { readCenterVerification } from './meta';
import { maySendElsewhere, secondKeyingBlock } from '../model/secondKeying';
import { batchVerifies } from '../../shared/verification-policy';
import { mutationFor } from './mutations';
import { queueMutation, sealForOutbox, type SealedMutation } from './outbox';
import { rethrowStorageError } from './storageErrors';
import { screenFirst } from './screenFirst';
import { localIsoDate } from '../model/today';
import { validateRecord, type SsidKnowledge } from '../model/recordValidation';
import { loadSsidLookups } from './ssidLookup';

/** What the entry form edits: the record minus what the store decides. */
export interface DraftInput {
  id: string;
  studentId: string;
  batchId: string | null;
  createdAt: number;
  fields: ApplicationFields;
  ssidRekey: string;
  /** "The paper shows this number", ticked past an SSID warning; cleared when the SSID changes. */
  ssidChecked?: boolean;
  /** A second keyer's finished verification, saved by the verify screen with the values that stand. */
  verification?: Verification;
  /** The verify screen's "Needs a second look": set with no verification, cleared by either. */
  secondLook?: SecondLookLine[];
  /** The keyings a second look holds back, saved with it. */
  heldKeyings?: HeldKeyings;
}

/** Statuses after which any edit is a new version that must be confirmed again. */
const PAST_DRAFT: ReadonlySet<Status> = new Set(['confirmed', 'queued', 'synced', 'rejected', 'conflict']);

/** A new, unsaved form for a batch, with the batch's carried-over values filled in. */
export function newDraft(batch: LocalBatch | null, now: number = Date.now()): DraftInput {
  const defaults: Partial<ApplicationFields> = batch ? sheetDefaults(batch) : {};
  // A batch is a stack of paper: an SSID typed from it came from the student's own form.
  return { id: uuidv7(now), studentId: uuidv7(now), batchId: batch?.id ?? null, createdAt: now, fields: blankFields({ ssidSource: 'student_form', ...defaults }), ssidRekey: '' };
}

function sameDraft(a: LocalApplication, b: DraftInput): boolean {
  return a.ssidRekey === b.ssidRekey && Boolean(a.ssidChecked) === Boolean(b.ssidChecked) && JSON.stringify(a.fields) === JSON.stringify(b.fields)
    && (b.verification === undefined || b.verification === a.verification) && (b.secondLook === undefined || b.secondLook === a.secondLook);
}

/**
 * The second keying a saved version keeps: the one the verify screen brings; or
 * the record's own while the verified fields still hold the values it vouched
 * for (an edit of the grade keeps it, one of the SSID drops it). A verification
 * clears a second look, and a second look clears a verification.
 */
function keptKeying(existing: LocalApplication | undefined, input: DraftInput): Pick<LocalApplication, 'verification' | 'secondLook' | 'heldKeyings'> {
  if (input.verification) return { verification: input.verification };
  if (input.secondLook) return parked(input.secondLook, input.heldKeyings);
  if (existing?.verification && stillVouches(input.fields, existing.verification)) return { verification: existing.verification };
  return existing?.secondLook ? parked(existing.secondLook, existing.heldKeyings) : {};
}

/** A second look with the keyings it holds back (none on one from before). */
function parked(secondLook: SecondLookLine[], heldKeyings: HeldKeyings | undefined): Pick<LocalApplication, 'secondLook' | 'heldKeyings'> {
  return { secondLook, ...(heldKeyings ? { heldKeyings } : {}) };
}

/** How often a write re-reads after losing a race with another write to the same row. */
const WRITE_ATTEMPTS = 5;

/** Thrown when a row kept changing under a write (another tab typing into the same record). */
export class RecordBusyError extends Error {
  constructor() {
    super('This record is being changed in another window. Close the other window and try again.');
    this.name = 'RecordBusyError';
  }
}

/**
 * Writes `sealed` for `id` only if the stored row still has the stamp it had
 * when it was read. Call inside a rw transaction over applications.
 */
async function putIfUnchanged(db: MesaDb, id: string, stamp: string | null, sealed: ApplicationRow): Promise<boolean> {
  if (rowStamp(await db.applications.get(id)) !== stamp) return false;
  await db.applications.put(sealed);
  return true;
}

/**
 * Saves what is on screen. Unchanged input writes nothing (a blur after a
 * confirmation must not make a new version). Storage full becomes StorageFullError.
 */
export async function saveDraft(db: MesaDb, input: DraftInput, now: number = Date.now()): Promise<LocalApplication> {
  const index = recordIndex(db);
  // Taken now: a lock that lands while this save runs must not lose the typing.
  const key = index.key();
  const { errors } = validateRecord(input, localIsoDate(now));
  const status = statusAfterEdit(errors.length > 0);
  try {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const row = await db.applications.get(input.id);
      const existing = row ? await index.open(row) : undefined;
      if (existing && sameDraft(existing, input)) return existing;
      const record: LocalApplication = {
        id: input.id,
        studentId: existing?.studentId ?? input.studentId,
        batchId: input.batchId,
        status,
        version: existing ? existing.version + (PAST_DRAFT.has(existing.status) ? 1 : 0) : 1,
        serverVersion: existing?.serverVersion ?? null,
        schoolId: input.fields.schoolId,
        createdAt: existing?.createdAt ?? input.createdAt,
        updatedAt: now,
        confirmedAt: existing?.confirmedAt ?? null,
        fields: input.fields,
        ssidRekey: input.ssidRekey,
        ssidChecked: input.ssidChecked ?? false,
        serverReason: existing?.serverReason ?? null,
        sendToReview: existing?.sendToReview ?? false,
        ...(existing?.verifyElsewhere ? { verifyElsewhere: existing.verifyElsewhere } : {}),
        ...keptKeying(existing, input),
      };
      const sealed = await sealApplication(key, record);
      // Awaiting the transaction (not just the put) is what surfaces a quota abort.
      const written = await db.transaction('rw', db.applications, () => putIfUnchanged(db, input.id, rowStamp(row), sealed));
      if (written) {
        index.remember(sealed, record);
        return record;
      }
    }
  } catch (error) {
    return rethrowStorageError(error);
  }
  throw new RecordBusyError();
}

/** Why one record was not confirmed. */
export interface ConfirmSkip {
  id: string;
  reason: string;
}

/** Outcome of a confirmation: which records went to the outbox, which did not and why. */
export interface ConfirmResult {
  confirmed: string[];
  skipped: ConfirmSkip[];
}

/** One record ready to be confirmed: what it was read as, and its sealed writes. */
interface PreparedConfirm {
  id: string;
  stamp: string | null;
  record: LocalApplication;
  sealedRecord: ApplicationRow;
  queued: SealedMutation;
}

async function prepareConfirm(
  key: CryptoKey, row: ApplicationRow, opened: LocalApplication, batch: BatchAtConfirm, known: SsidKnowledge, now: number, elsewhere: number | undefined,
): Promise<PreparedConfirm | ConfirmSkip> {
  const { errors } = validateRecord(opened, localIsoDate(now), known);
  if (!canConfirm(opened.status, errors.length)) return { id: opened.id, reason: errors[0]?.message ?? 'Already confirmed.' };
  // Sent for a second keyer on another tablet, a sheet the gate holds back goes out typed once and marked.
  const { verifies, addedFields } = batch;
  const sent = elsewhere !== undefined && opened.batchId !== null && maySendElsewhere(opened, verifies);
  // The second keyer there types the fields this batch verifies, as it fixed them when it started.
  const fields = addedFields.length > 0 ? { fields: [...addedFields] } : {};
  const record = sent ? { ...opened, verifyElsewhere: { batchId: opened.batchId!, sheet: elsewhere, ...fields } } : opened;
  const unverified = sent ? null : secondKeyingBlock(record, verifies);
  if (unverified) return { id: record.id, reason: unverified };
  const candidate = mutationFor(record, { confirmedAt: new Date(now).toISOString(), sendToReview: record.sendToReview });
  if (!candidate.success) return { id: record.id, reason: candidate.error.issues[0]?.message ?? 'The record is not complete.' };
  const queuedRecord: LocalApplication = { ...record, fields: candidate.data.application, status: 'queued', confirmedAt: now, updatedAt: now, serverReason: null };
  return {
    id: record.id,
    stamp: rowStamp(row),
    record: queuedRecord,
    sealedRecord: await sealApplication(key, queuedRecord),
    queued: await sealForOutbox(key, candidate.data, now),
  };
}

/** What confirmation needs of a sheet's batch: whether it verifies (the center's requirement over its own switch), and the fields it adds to the four. */
interface BatchAtConfirm {
  verifies: boolean;
  addedFields: readonly AddableVerifiedField[];
}

/** Each batch as confirmation needs it, read once per confirmation. */
async function batchesAtConfirm(db: MesaDb): Promise<(batchId: string | null) => Promise<BatchAtConfirm>> {
  const { policy } = await readCenterVerification(db);
  const known = new Map<string, BatchAtConfirm>();
  return async (batchId) => {
    if (batchId === null) return { verifies: batchVerifies(policy, false), addedFields: [] };
    const cached = known.get(batchId);
    if (cached) return cached;
    const batch = await getBatch(db, batchId);
    const read = { verifies: batchVerifies(policy, batch?.verify), addedFields: batch?.addedVerifiedFields ?? [] };
    known.set(batchId, read);
    return read;
  };
}

/**
 * Confirms records against the paper: each one re-checked (a sheet its batch
 * or center wants verified only once a second keyer has; an SSID another
 * student holds, or not the one the center has for a returning student, only
 * once the advisor has ticked that the paper shows it), its SSID stored
 * normalized, status `queued`, and a validated, sealed Mutation added to the
 * outbox, written in ONE strict-durability transaction with the mutation-id
 * counter. A record changed meanwhile (another tab) is read and checked again.
 * `elsewhere` names the sheets sent for a second keyer on another tablet, each
 * with its place in the stack: those the gate holds back only for want of a
 * second keying go out typed once, marked (ARCHITECTURE.md).
 */
export async function confirmApplications(
  store: Store, ids: readonly string[], now: number = Date.now(), elsewhere: ReadonlyMap<string, number> = new Map(),
): Promise<ConfirmResult> {
  const db = store.strictDb;
  const index = recordIndex(db);
  const key = index.key();
  const result: ConfirmResult = { confirmed: [], skipped: [] };
  let pending = [...ids];
  try {
    const batchOf = await batchesAtConfirm(db);
    const lookups = await loadSsidLookups(db);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS && pending.length > 0; attempt++) {
      const rows = await db.applications.bulkGet(pending);
      const prepared: PreparedConfirm[] = [];
      for (const [i, row] of rows.entries()) {
        if (!row) {
          result.skipped.push({ id: pending[i]!, reason: 'This record no longer exists.' });
          continue;
        }
        const record = await index.open(row);
        const known = await lookups.knowledge(record.fields.ssid, { recordId: record.id, studentId: record.studentId, identity: record.fields });
        const outcome = await prepareConfirm(key, row, record, await batchOf(record.batchId), known, now, elsewhere.get(record.id));
        if ('reason' in outcome) result.skipped.push(outcome);
        else prepared.push(outcome);
      }
      const changed = await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
        const stale: string[] = [];
        for (const item of prepared) {
          if (rowStamp(await db.applications.get(item.id)) !== item.stamp) {
            stale.push(item.id);
            continue;
          }
          await queueMutation(db, item.queued);
          await db.applications.put(item.sealedRecord);
          result.confirmed.push(item.id);
        }
        return stale;
      });
      for (const item of prepared) if (!changed.includes(item.id)) index.remember(item.sealedRecord, item.record);
      pending = changed;
    }
  } catch (error) {
    return rethrowStorageError(error);
  }
  for (const id of pending) result.skipped.push({ id, reason: new RecordBusyError().message });
  return result;
}

/** One record, or undefined. */
export function getApplication(db: MesaDb, id: string): Promise<LocalApplication | undefined> {
  return readApplication(db, id);
}

/** A batch's records in the order they were typed, and its rows set aside because they fail their schema. */
export async function listBatchApplications(db: MesaDb, batchId: string): Promise<{ records: LocalApplication[]; setAside: SetAsideRow[] }> {
  const rows = await db.applications.where('batchId').equals(batchId).toArray();
  const { records, aside } = await openRowsSettled(db, rows);
  const setAside = await Promise.resolve(toSetAsideRows(recordIndex(db).key(), 'applications', aside));
  return { records: records.sort((a, b) => a.createdAt - b.createdAt), setAside };
}

/**
 * Newest change first; equal times in descending id order, the order in which
 * the updatedAt index is walked backwards (its entries are ordered by time, then
 * by id). listRecentApplications reads through that index, so with this order
 * its records are exactly the start of the whole list even where a "Confirm all"
 * gave many records the same change time.
 */
const newestFirst = (a: LocalApplication, b: LocalApplication) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every record on the tablet, newest change first (decrypted in memory: see records.ts). */
export async function listApplications(db: MesaDb): Promise<LocalApplication[]> {
  return (await readApplications(db)).sort(newestFirst);
}

/** The start of the records list, and how many rows are stored in all. */
export interface RecentApplications {
  records: LocalApplication[];
  /** Every stored row, those set aside as unreadable included: a count of the index, nothing opened. */
  stored: number;
}

/**
 * The `limit` records changed last, newest first: the start of listApplications,
 * read through the plain updatedAt index so that only these rows are decrypted
 * (the records list draws them while the whole list is read), with the count of
 * stored rows, so the screen can say how much its search does not cover yet.
 */
export async function listRecentApplications(db: MesaDb, limit: number): Promise<RecentApplications> {
  return screenFirst(async () => {
    const [rows, stored] = await Promise.all([db.applications.orderBy('updatedAt').reverse().limit(limit).toArray(), db.applications.count()]);
    return { records: (await openRows(db, rows)).sort(newestFirst), stored };
  });
}
