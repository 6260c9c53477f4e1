import { useBatchReview } from './useBatchReview';
import { paths } from '../../paths';
import { useSchools } from '../../hooks/useSchools';
import { describeSummary } from '../../model/batchSummary';
import { Link } from '../../components/Link';
import { TypeNextSheetLink } from './TypeNextSheetLink';
import { ReviewRow } from './ReviewRow';
import { SecondKeyerWaitList } from './SecondKeyerWaitList';
import { SsidDisagreementLine } from './SsidDisagreementLine';
import { ScreenTitle } from '../../components/ScreenTitle';
import { SetAsideList } from '../../components/SetAsideList';

/** A batch checked against its stack: counts, each record's problems, Confirm one or all. */
export function ReviewScreen({ batchId }: { batchId: string }) {
  const { review, confirm, sendElsewhere, busy, message } = useBatchReview(batchId);
  const { names } = useSchools();

  if (review.status === 'loading') return <p class="muted">Loading…</p>;
  if (review.status === 'error' || review.data === null) {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <ScreenTitle>Batch not found</ScreenTitle>
        <p>{review.status === 'error' ? 'This batch could not be read from the tablet’s storage.' : 'This batch is not on this tablet.'}</p>
        <Link href={paths.batches()} class="button">
          Back to batches
        </Link>
      </section>
    );
  }

  const { batch, verifies, items, summary, waits, ssids, setAside } = review.data;
  const ready = items.filter((i) => i.confirmable).map((i) => i.record.id);
  const sendable = items.filter((i) => i.sendable).length;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <div class="screen-head">
        <div>
          <ScreenTitle>{names.get(batch.schoolId) ?? 'Unknown school'}</ScreenTitle>
          <p class="subtitle">
            Program year {batch.programYear} · {batch.sheetCount} sheets in the stack{batch.typedElsewhere ? ' · typed on another tablet' : ''}
          </p>
        </div>
        <div class="card-actions">
          <TypeNextSheetLink batch={batch} />
          <Link href={paths.verifyBatch(batch.id)} class={verifies ? 'button button-primary' : 'button'}>
            Verify batch
          </Link>
        </div>
      </div>
      <p class="summary">{describeSummary(summary)}</p>
      <SecondKeyerWaitList waits={waits} />
      <SsidDisagreementLine ssids={ssids} />
      {verifies ? <p class="muted">A second keyer verifies this batch: each sheet is confirmed once it is verified.</p> : null}
      <div class="review-bar">
        <button type="button" class="button button-primary" disabled={busy || ready.length === 0} onClick={() => void confirm(ready)} aria-describedby="ready-count">
          Confirm all without problems
        </button>
        <span id="ready-count" class="muted">
          {ready.length === 1 ? '1 record is ready to confirm' : `${ready.length} records are ready to confirm`}
        </span>
      </div>
      {sendable > 0 ? (
        <div class="review-bar">
          <button type="button" class="button" disabled={busy} onClick={() => void sendElsewhere(items)} aria-describedby="elsewhere-count">
            Send to verify on another tablet
          </button>
          <span id="elsewhere-count" class="muted">
            Or send {sendable === 1 ? 'the sheet' : `these ${sendable} sheets`} to another advisor, who verifies {sendable === 1 ? 'it' : 'them'} on their tablet after the next sync.
          </span>
        </div>
      ) : null}
      <p class="confirm-message" role="status">
        {message ?? ''}
      </p>
      <SetAsideList rows={setAside} />
      {items.length === 0 ? (
        <p class="empty">Nothing typed in this batch yet.</p>
      ) : (
        <ol class="review-list">
          {items.map((item) => (
            <ReviewRow key={item.record.id} item={item} busy={busy} onConfirm={(id) => void confirm([id])} />
          ))}
        </ol>
      )}
    </section>
  );
}
