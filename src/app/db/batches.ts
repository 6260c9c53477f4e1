/** The batches repository: one row per stack of paper. */
import type { LocalBatch, MesaDb } from './schema';
import { DEFAULT_FORM, type ApplicationFields } from '../../shared/application';
import { uuidv7 } from '../../shared/ids';
import { rethrowStorageError } from './storageErrors';

/** What the advisor chooses when starting a stack. */
export interface NewBatch {
  schoolId: string;
  programYear: string;
  sheetCount: number;
  defaults: Partial<ApplicationFields>;
}

/** Creates a batch and returns it. */
export async function createBatch(db: MesaDb, input: NewBatch, now: number = Date.now()): Promise<LocalBatch> {
  const batch: LocalBatch = { id: uuidv7(now), createdAt: now, ...input };
  try {
    await db.transaction('rw', db.batches, () => db.batches.add(batch));
  } catch (error) {
    rethrowStorageError(error);
  }
  return batch;
}

/** Every batch, newest first. */
export function listBatches(db: MesaDb): Promise<LocalBatch[]> {
  return db.batches.orderBy('createdAt').reverse().toArray();
}

/** One batch, or undefined. */
export function getBatch(db: MesaDb, id: string): Promise<LocalBatch | undefined> {
  return db.batches.get(id);
}

const CARRIED = DEFAULT_FORM.filter((f) => f.batchDefault).map((f) => f.name);

/**
 * Remembers the carried-over values (grade, school, date received...) of the form
 * just finished, so the next blank form starts with them, even after a reload.
 */
export async function carryDefaults(db: MesaDb, batchId: string, fields: ApplicationFields): Promise<void> {
  const carried: Partial<Record<keyof ApplicationFields, unknown>> = {};
  for (const name of CARRIED) {
    const value = fields[name];
    if (typeof value === 'string' && value !== '') carried[name] = value;
  }
  try {
    await db.transaction('rw', db.batches, async () => {
      const batch = await db.batches.get(batchId);
      if (batch) await db.batches.put({ ...batch, defaults: { ...batch.defaults, ...(carried as Partial<ApplicationFields>) } });
    });
  } catch (error) {
    rethrowStorageError(error);
  }
}
