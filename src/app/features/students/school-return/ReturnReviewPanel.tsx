import { useMemo } from 'preact/hooks';
import type { ReturnReview } from './useSchoolReturnImport';
import { groupRows, SECTIONS } from './returnReview';
import { ReturnSection } from './ReturnSection';

/** The advisor's choices and what they can do with them. */
export interface ReviewActions {
  onAcceptExact: () => void;
  onChoose: (line: number, studentId: string | null) => void;
  onApply: () => void;
  onCancel: () => void;
}

/**
 * The review of a matched return: counts, file warnings, "Accept all exact",
 * one section per kind of row, and "Apply N SSID updates".
 */
export function ReturnReviewPanel({ review, accepted, applying, applyError, ...actions }: {
  review: ReturnReview;
  accepted: ReadonlyMap<number, string>;
  applying: boolean;
  applyError: string | null;
} & ReviewActions) {
  const groups = useMemo(() => groupRows(review.matches), [review.matches]);
  const { summary, parsed } = review;
  const n = accepted.size;
  const exactCount = groups.exact.length;

  return (
    <div class="return-review">
      <p role="status">
        {review.fileName}: {review.matches.length} rows. {summary.exact} exact, {summary.probable} probable, {summary.ambiguous} ambiguous,{' '}
        {summary.unmatched} unmatched; {summary.invalidSsid} invalid SSID{summary.invalidSsid === 1 ? '' : 's'}, {summary.differsFromPaper} differ
        {summary.differsFromPaper === 1 ? 's' : ''} from the SSID the student already has.
      </p>
      {parsed.warnings.length > 0 && (
        <ul class="notice notice-warning">
          {parsed.warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      <div class="request-actions">
        <button type="button" class="button" onClick={actions.onAcceptExact} disabled={exactCount === 0}>
          Accept all exact ({exactCount})
        </button>
        <button type="button" class="button" onClick={actions.onCancel}>
          Choose another file
        </button>
      </div>
      {SECTIONS.map((section) =>
        groups[section.key].length > 0 ? (
          <ReturnSection
            key={section.key}
            section={section}
            rows={groups[section.key]}
            students={review.students}
            accepted={accepted}
            onChoose={actions.onChoose}
          />
        ) : null,
      )}
      <div class="apply-bar">
        {applyError && (
          <p class="notice notice-error" role="alert">
            {applyError}
          </p>
        )}
        <button type="button" class="button button-primary" onClick={actions.onApply} disabled={n === 0 || applying}>
          {applying ? 'Applying…' : `Apply ${n} SSID update${n === 1 ? '' : 's'}`}
        </button>
      </div>
    </div>
  );
}
