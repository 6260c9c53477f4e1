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
import { listSheetsToVerify } from '../../db/sheetsToVerify';
import { batchSecondKeyerWaits, maySendElsewhere, refusedForSecondKeying, secondKeyingBlock } from '../../model/secondKeying';
import type { SecondKeyerWaits } from '../../../shared/second-keyer-wait';
import { countSsidDisagreements, type SsidDisagreements } from '../../../shared/ssid-disagreements';
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
  /** Held back only for want of a second keying: it may go to be verified on another tablet. */
  sendable: boolean;
}

/** What the review screen shows. */
export interface BatchReview {
  batch: LocalBatch;
  /** A second keyer verifies this batch's sheets before they are confirmed. */
  verifies: boolean;
  items: ReviewItem[];
  summary: BatchSummary;
  /** Its sheets still waiting for a second keyer, by where: the batch is not done while any does. */
  waits: SecondKeyerWaits;
  /** Its SSIDs the two keyers typed differently: settled from the paper, or waiting for a second look. */
  ssids: SsidDisagreements;
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
  const sendable = unverified !== null && errors.length === 0 && maySendElsewhere(record, verifies);
  return { record, sheet, problems, confirmable: ready && unverified === null, verifyFirst: refusedForSecondKeying(record), sendable };
}

/** The review's data (live) and its two actions; `message` says what the last action did. */
export function useBatchReview(batchId: string): {
  review: LiveResult<BatchReview | null>;
  confirm: (ids: string[]) => Promise<void>;
  /** Confirms the sheets held back only for want of a second keying, for a second keyer on another tablet. */
  sendElsewhere: (items: ReviewItem[]) => Promise<void>;
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
    const pulled = await listSheetsToVerify(store.db, batchId);
    const waits = batchSecondKeyerWaits(records, pulled, verifies);
    const ssids = countSsidDisagreements([...records, ...pulled]);
    return { batch, verifies, items: byProblems, summary: summarizeBatch(records, batch.sheetCount), waits, ssids, setAside };
  }, [store, batchId]);

  const run = useCallback(
    async (ids: string[], elsewhere: ReadonlyMap<string, number> | undefined, done: string) => {
      setBusy(true);
      setMessage(null);
      try {
        const result = await confirmApplications(store, ids, Date.now(), elsewhere);
        const n = result.confirmed.length;
        const skipped = result.skipped.length;
        setMessage(`${n} record${n === 1 ? '' : 's'} ${done}${skipped > 0 ? `, ${skipped} not confirmed: they still have problems` : ''}.`);
      } catch (error) {
        setMessage(describeSaveError(error));
      } finally {
        setBusy(false);
      }
    },
    [store],
  );
  const confirm = useCallback((ids: string[]) => run(ids, undefined, 'confirmed'), [run]);
  const sendElsewhere = useCallback((items: ReviewItem[]) => {
    const sendable = items.filter((i) => i.sendable);
    return run(sendable.map((i) => i.record.id), new Map(sendable.map((i) => [i.record.id, i.sheet])), 'sent to be verified on another tablet');
  }, [run]);

  return { review, confirm, sendElsewhere, busy, message };
}
