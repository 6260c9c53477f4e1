/** The batches list with each stack's counts and where its sheets wait for a second keyer, live. */
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { listBatches } from '../../db/batches';
import { readCenterVerification } from '../../db/meta';
import { statusesByBatch } from '../../db/plainColumns';
import type { LocalBatch } from '../../db/schema';
import { readSheetsThatMayWait } from '../../db/sheetsThatMayWait';
import { summarizeBatch, type BatchSummary } from '../../model/batchSummary';
import { batchSecondKeyerWaits } from '../../model/secondKeying';
import { batchVerifies } from '../../../shared/verification-policy';
import type { SecondKeyerWaits } from '../../../shared/second-keyer-wait';

/** One line of the batches list. */
export interface BatchRow {
  batch: LocalBatch;
  summary: BatchSummary;
  /** Its sheets still waiting for a second keyer, by where: the batch is not done while any does. */
  waits: SecondKeyerWaits;
}

/** Every batch, newest first, with its counts. */
export function useBatches(): LiveResult<BatchRow[]> {
  const { store } = useServices();
  return useLiveQuery(async () => {
    const batches = await listBatches(store.db);
    const byBatch = await statusesByBatch(store.db);
    const { policy } = await readCenterVerification(store.db);
    const { records, pulled } = await readSheetsThatMayWait(store.db);
    return batches.map((batch) => ({
      batch,
      summary: summarizeBatch(byBatch.get(batch.id) ?? [], batch.sheetCount),
      waits: batchSecondKeyerWaits(records.filter((r) => r.batchId === batch.id), pulled.filter((s) => s.batchId === batch.id), batchVerifies(policy, batch.verify)),
    }));
  }, [store]);
}
