/** The batches list with each stack's counts, where its sheets wait for a second keyer and the SSIDs its keyers typed differently, live. */
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
import { countSsidDisagreements, type SsidDisagreements } from '../../../shared/ssid-disagreements';

/** One line of the batches list. */
export interface BatchRow {
  batch: LocalBatch;
  summary: BatchSummary;
  /** Its sheets still waiting for a second keyer, by where: the batch is not done while any does. */
  waits: SecondKeyerWaits;
  /** Its SSIDs the two keyers typed differently: settled from the paper, or waiting for a second look. */
  ssids: SsidDisagreements;
}

/** Every batch, newest first, with its counts. */
export function useBatches(): LiveResult<BatchRow[]> {
  const { store } = useServices();
  return useLiveQuery(async () => {
    const batches = await listBatches(store.db);
    const byBatch = await statusesByBatch(store.db);
    const { policy } = await readCenterVerification(store.db);
    const verifying = new Set(batches.filter((batch) => batchVerifies(policy, batch.verify)).map((batch) => batch.id));
    const { records, synced, pulled } = await readSheetsThatMayWait(store.db, verifying);
    return batches.map((batch) => {
      const mayWait = records.filter((r) => r.batchId === batch.id);
      const pulledHere = pulled.filter((s) => s.batchId === batch.id);
      return {
        batch,
        summary: summarizeBatch(byBatch.get(batch.id) ?? [], batch.sheetCount),
        waits: batchSecondKeyerWaits(mayWait, pulledHere, verifying.has(batch.id)),
        ssids: countSsidDisagreements([...mayWait, ...synced.filter((r) => r.batchId === batch.id), ...pulledHere]),
      };
    });
  }, [store]);
}
