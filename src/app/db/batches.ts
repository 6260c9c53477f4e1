/** The batches repository: one row per stack of paper. */
import type { LocalBatch, MesaDb } from './schema';
import type { ApplicationFields } from '../../shared/application';
import { uuidv7 } from '../../shared/ids';
import { rethrowStorageError } from './storageErrors';
import { localBatchSchema } from '../crypto/row-schemas';
import { openSettled } from './setAside';
import { readCenterVerification } from './meta';
import { verifiedFieldsOf, type VerifiedField } from '../../shared/verification-record';

/** What the advisor chooses when starting a stack. */
export interface NewBatch {
  schoolId: string;
  programYear: string;
  sheetCount: number;
  defaults: Partial<ApplicationFields>;
  /** A second keyer verifies its sheets before they are confirmed. */
  verify?: boolean;
}

/**
 * Creates a batch and returns it. It keeps the fields the center verifies
 * besides the required four as they stand now, so a setting changed while the
 * stack is typed never changes what its second keyer types.
 */
export async function createBatch(db: MesaDb, input: NewBatch, now: number = Date.now()): Promise<LocalBatch> {
  try {
    return await db.transaction('rw', [db.batches, db.meta], async () => {
      const { fields } = await readCenterVerification(db);
      const batch: LocalBatch = { id: uuidv7(now), createdAt: now, ...input, addedVerifiedFields: fields };
      await db.batches.add(batch);
      return batch;
    });
  } catch (error) {
    return rethrowStorageError(error);
  }
}

/** Every batch, newest first, and the rows set aside because they fail the batch schema. */
export async function readAllBatches(db: MesaDb): Promise<{ batches: LocalBatch[]; aside: { row: LocalBatch; reason: string }[] }> {
  const rows = await db.batches.orderBy('createdAt').reverse().toArray();
  const { opened, aside } = await openSettled(rows, async (row) => localBatchSchema.parse(row));
  return { batches: opened, aside };
}

/** Every batch that reads, newest first; one that fails its schema is listed for repair instead. */
export async function listBatches(db: MesaDb): Promise<LocalBatch[]> {
  return (await readAllBatches(db)).batches;
}

/** One batch, or undefined when it is missing or fails its schema (then it is listed for repair). */
export async function getBatch(db: MesaDb, id: string): Promise<LocalBatch | undefined> {
  const parsed = localBatchSchema.safeParse(await db.batches.get(id));
  return parsed.success ? parsed.data : undefined;
}

/** What every new sheet of `batch` starts from: its school and program year, then its carried values. */
export function sheetDefaults(batch: LocalBatch): Partial<ApplicationFields> {
  return { schoolId: batch.schoolId, programYear: batch.programYear, ...batch.defaults };
}

/** The fields a second keyer types for each sheet of `batch`: the required four, and what the center added when it started (none on a batch from before). */
export function batchVerifiedFields(batch: Pick<LocalBatch, 'addedVerifiedFields'>): VerifiedField[] {
  return verifiedFieldsOf(batch.addedVerifiedFields ?? []);
}
