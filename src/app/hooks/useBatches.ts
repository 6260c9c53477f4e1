/** The batches list with each stack's counts, live. */
import { useServices } from './context';
import { useLiveQuery, type LiveResult } from './useLiveQuery';
import { listBatches } from '../db/batches';
import type { LocalBatch } from '../db/schema';
import type { Status } from '../../shared/lifecycle';
import { summarizeBatch, type BatchSummary } from '../model/batchSummary';

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
    const byBatch = new Map<string, { status: Status }[]>();
    await store.db.applications.each((app) => {
      if (app.batchId === null) return;
      const list = byBatch.get(app.batchId) ?? [];
      list.push({ status: app.status });
      byBatch.set(app.batchId, list);
    });
    return batches.map((batch) => ({ batch, summary: summarizeBatch(byBatch.get(batch.id) ?? [], batch.sheetCount) }));
  }, [store]);
}
