import type { ReviewItem } from './useBatchReview';
import { paths } from '../../paths';
import { listName } from '../../model/format';
import { maskSsid } from '../../../shared/ssid';
import { dateInWords } from '../../../shared/typed-dates';
import { isIsoDate } from '../../../shared/dates';
import { Link } from '../../components/Link';
import { StatusBadge } from '../../components/StatusBadge';

/** One record in a batch review: who, its status, what is wrong, and Confirm. */
export function ReviewRow({ item, busy, onConfirm }: { item: ReviewItem; busy: boolean; onConfirm: (id: string) => void }) {
  const { record, sheet, problems, confirmable, verifyFirst } = item;
  const { dateOfBirth, grade } = record.fields;
  const nameId = `name-${record.id}`;
  const ssid = record.fields.ssid.trim();
  return (
    <li class="review-row">
      <div class="review-main">
        <p class="review-name">
          <span class="sheet-no">#{sheet}</span>{' '}
          <Link href={paths.record(record.id)}>
            <span id={nameId}>{listName(record.fields)}</span>
          </Link>
        </p>
        <p class="review-meta">
          <StatusBadge status={record.status} />
          <span>Born {isIsoDate(dateOfBirth) ? dateInWords(dateOfBirth) : 'date not given'}</span>
          <span>Grade {grade || 'not given'}</span>
          <span>CA SSID {ssid ? maskSsid(ssid) : 'not given'}</span>
        </p>
        {problems.length > 0 && (
          <ul class="problems" aria-label="Problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <div class="review-actions">
        {confirmable && (
          <button type="button" class="button button-primary" aria-describedby={nameId} disabled={busy} onClick={() => onConfirm(record.id)}>
            Confirm
          </button>
        )}
        {verifyFirst && record.batchId !== null && (
          <Link href={paths.verifyBatch(record.batchId)} class="button button-primary" aria-describedby={nameId}>
            Verify
          </Link>
        )}
        <Link href={paths.record(record.id)} class="button">
          Open
        </Link>
      </div>
    </li>
  );
}
