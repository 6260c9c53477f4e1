/** One batch's review: its records, each one's problems, counts, and confirmation. */
import { useCallback, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../hooks/useLiveQuery';
import { getBatch } from '../../db/batches';
import { confirmApplications, listBatchApplications } from '../../db/applications';
import type { LocalApplication, LocalBatch } from '../../db/schema';
import type { SetAsideRow } from '../../db/setAside';
import { describeSaveError } from '../../db/storageErrors';
import { summarizeBatch, type BatchSummary } from '../../model/batchSummary';
import { localIsoDate } from '../../model/today';
import { validateRecord, type SsidKnowledge } from '../../model/recordValidation';
import { loadSsidLookups } from '../../db/ssidLookup';
import { readBatchVerifies } from '../../db/meta';
import { refusedForSecondKeying, secondKeyingBlock } from '../../model/secondKeying';
import { canConfirm } from '../../../shared/lifecycle';

/** One record as the review lists it. */
export interface ReviewItem {
  record: LocalApplication;
  /** Its place in the stack of paper, counted in the order typed. */
  sheet: number;
  problems: string[];
  confirmable: boolean;
  /** The server refused it for want of a second keying: the way on is Verify, not Open. */
  verifyFirst: boolean;
}

/** What the review screen shows. */
export interface BatchReview {
  batch: LocalBatch;
  /** A second keyer verifies this batch's sheets before they are confirmed. */
  verifies: boolean;
  items: ReviewItem[];
  summary: BatchSummary;
  /** The batch's records that fail their schema, listed apart as "This record needs fixing". */
  setAside: SetAsideRow[];
}

function toItem(record: LocalApplication, sheet: number, today: string, verifies: boolean, known: SsidKnowledge): ReviewItem {
  const { errors } = validateRecord(record, today, known);
  const problems = errors.map((e) => e.message);
  if (record.serverReason) problems.unshift(`Server: ${record.serverReason.message}`);
  const ready = canConfirm(record.status, errors.length);
  // Said only of a sheet that would otherwise be ready: what stands between it and Confirm.
  const unverified = ready ? secondKeyingBlock(record, verifies) : null;
  if (unverified) problems.push(unverified);
  return { record, sheet, problems, confirmable: ready && unverified === null, verifyFirst: refusedForSecondKeying(record) };
}

/** The review's data (live) and its two actions; `message` says what the last action did. */
export function useBatchReview(batchId: string): {
  review: LiveResult<BatchReview | null>;
  confirm: (ids: string[]) => Promise<void>;
  busy: boolean;
  message: string | null;
} {
  const { store } = useServices();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const review = useLiveQuery(async () => {
    const batch = await getBatch(store.db, batchId);
    if (!batch) return null;
    const { records, setAside } = await listBatchApplications(store.db, batchId);
    const today = localIsoDate();
    const verifies = await readBatchVerifies(store.db, batch);
    // The same SSID lookups as confirmation, so a sheet listed as ready is one Confirm all confirms.
    const lookups = await loadSsidLookups(store.db);
    const known = await Promise.all(records.map((r) => lookups.knowledge(r.fields.ssid, { recordId: r.id, studentId: r.studentId, identity: r.fields })));
    const items = records.map((r, i) => toItem(r, i + 1, today, verifies, known[i] ?? {}));
    // Records with problems first, each group in sheet order: what needs the advisor is on top.
    const byProblems = [...items.filter((i) => i.problems.length > 0), ...items.filter((i) => i.problems.length === 0)];
    return { batch, verifies, items: byProblems, summary: summarizeBatch(records, batch.sheetCount), setAside };
  }, [store, batchId]);

  const confirm = useCallback(
    async (ids: string[]) => {
      setBusy(true);
      setMessage(null);
      try {
        const result = await confirmApplications(store, ids);
        const n = result.confirmed.length;
        const skipped = result.skipped.length;
        setMessage(`${n} record${n === 1 ? '' : 's'} confirmed${skipped > 0 ? `, ${skipped} not confirmed: they still have problems` : ''}.`);
      } catch (error) {
        setMessage(describeSaveError(error));
      } finally {
        setBusy(false);
      }
    },
    [store],
  );

  return { review, confirm, busy, message };
}
