/**
 * The applications repository: drafts saved as they are typed, and confirmation,
 * which writes the record and its outbox row in one strict transaction.
 *
 * Versions: a new record is version 1. Any saved change to a record that already
 * left the draft stage (queued, synced, rejected...) makes version n+1 at once,
 * so an answer from the server about version n can no longer overwrite the edit
 * (see statusAfterAnswer). Confirmation sends the current version as it is.
 */
import type { LocalApplication, LocalBatch, MesaDb } from './schema';
import type { Store } from './connection';
import { blankFields, type ApplicationFields } from '../../shared/application';
import { canConfirm, statusAfterEdit, type Status } from '../../shared/lifecycle';
import { mutationSchema } from '../../shared/protocol';
import { checkSsid } from '../../shared/ssid';
import { uuidv7 } from '../../shared/ids';
import { enqueueMutation, takeMutationId } from './outbox';
import { rethrowStorageError } from './storageErrors';
import { localIsoDate } from '../model/today';
import { validateRecord } from '../model/recordValidation';

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
}

/** Statuses after which any edit is a new version that must be confirmed again. */
const PAST_DRAFT: ReadonlySet<Status> = new Set(['confirmed', 'queued', 'synced', 'rejected', 'conflict']);

/** A new, unsaved form for a batch, with the batch's carried-over values filled in. */
export function newDraft(batch: LocalBatch | null, now: number = Date.now()): DraftInput {
  const defaults: Partial<ApplicationFields> = batch
    ? { schoolId: batch.schoolId, programYear: batch.programYear, ...batch.defaults }
    : {};
  // A batch is a stack of paper: an SSID typed from it came from the student's own form.
  return { id: uuidv7(now), studentId: uuidv7(now), batchId: batch?.id ?? null, createdAt: now, fields: blankFields({ ssidSource: 'student_form', ...defaults }), ssidRekey: '' };
}

function sameDraft(a: LocalApplication, b: DraftInput): boolean {
  return a.ssidRekey === b.ssidRekey && Boolean(a.ssidChecked) === Boolean(b.ssidChecked) && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

/**
 * Saves what is on screen. Unchanged input writes nothing (a blur after a
 * confirmation must not make a new version). Storage full becomes StorageFullError.
 */
export async function saveDraft(db: MesaDb, input: DraftInput, now: number = Date.now()): Promise<LocalApplication> {
  const { errors } = validateRecord(input, localIsoDate(now));
  const status = statusAfterEdit(errors.length > 0);
  try {
    // Awaiting the transaction (not just the put) is what surfaces a quota abort.
    return await db.transaction('rw', db.applications, async () => {
      const existing = await db.applications.get(input.id);
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
      };
      await db.applications.put(record);
      return record;
    });
  } catch (error) {
    return rethrowStorageError(error);
  }
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

/**
 * Confirms records against the paper: each one re-checked, its SSID stored
 * normalized, status `queued`, and a validated Mutation added to the outbox,
 * all in ONE strict-durability transaction with the mutation-id counter.
 */
export async function confirmApplications(store: Store, ids: readonly string[], now: number = Date.now()): Promise<ConfirmResult> {
  const db = store.strictDb;
  const today = localIsoDate(now);
  const confirmedAt = new Date(now).toISOString();
  try {
    return await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
      const result: ConfirmResult = { confirmed: [], skipped: [] };
      for (const id of ids) {
        const record = await db.applications.get(id);
        if (!record) {
          result.skipped.push({ id, reason: 'This record no longer exists.' });
          continue;
        }
        const { errors } = validateRecord(record, today);
        if (!canConfirm(record.status, errors.length)) {
          result.skipped.push({ id, reason: errors[0]?.message ?? 'Already confirmed.' });
          continue;
        }
        const ssid = record.fields.ssid.trim() === '' ? '' : (checkSsid(record.fields.ssid).value ?? '');
        const candidate = mutationSchema.safeParse({
          mutationId: 1,
          recordId: record.id,
          studentId: record.studentId,
          version: record.version,
          baseServerVersion: record.serverVersion,
          application: { ...record.fields, ssid },
          ssidSource: record.fields.ssidSource === '' ? null : record.fields.ssidSource,
          confirmedAt,
          sendToReview: record.sendToReview,
        });
        if (!candidate.success) {
          result.skipped.push({ id, reason: candidate.error.issues[0]?.message ?? 'The record is not complete.' });
          continue;
        }
        const mutation = { ...candidate.data, mutationId: await takeMutationId(db) };
        await enqueueMutation(db, mutation, now);
        await db.applications.put({
          ...record,
          fields: mutation.application,
          status: 'queued',
          confirmedAt: now,
          updatedAt: now,
          serverReason: null,
        });
        result.confirmed.push(id);
      }
      return result;
    });
  } catch (error) {
    return rethrowStorageError(error);
  }
}

/** One record, or undefined. */
export function getApplication(db: MesaDb, id: string): Promise<LocalApplication | undefined> {
  return db.applications.get(id);
}

/** A batch's records in the order they were typed. */
export async function listBatchApplications(db: MesaDb, batchId: string): Promise<LocalApplication[]> {
  const rows = await db.applications.where('batchId').equals(batchId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every record on the tablet, newest change first. */
export function listApplications(db: MesaDb): Promise<LocalApplication[]> {
  return db.applications.orderBy('updatedAt').reverse().toArray();
}
