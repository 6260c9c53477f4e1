/** The batches list with each stack's counts, live. */
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { listBatches } from '../../db/batches';
import { statusesByBatch } from '../../db/plainColumns';
import type { LocalBatch } from '../../db/schema';
import { summarizeBatch, type BatchSummary } from '../../model/batchSummary';

/** One line of the batches list. */
export interface BatchRow {
  batch: LocalBatch;
  summary: BatchSummary;
}

/** Every batch, newest first, with its counts. */
export function useBatches(): LiveResult<BatchRow[]> {
  const { store } = useServices();
  return useLiveQuery(async () => {
    const batches = await listBatches(store.db);
    const byBatch = await statusesByBatch(store.db);
    return batches.map((batch) => ({ batch, summary: summarizeBatch(byBatch.get(batch.id) ?? [], batch.sheetCount) }));
  }, [store]);
}
