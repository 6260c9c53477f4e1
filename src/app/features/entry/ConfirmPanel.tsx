import type { FieldIssue } from '../../../shared/validate';
import { formatWhen } from '../../model/format';
import { Link } from '../../components/Link';

/** What the confirm bar needs to know. */
export interface ConfirmPanelProps {
  errors: readonly FieldIssue[];
  warningCount: number;
  canConfirm: boolean;
  /** When the unchanged record was confirmed, if it is. */
  confirmedAt: number | null;
  message: string | null;
  hasBatch: boolean;
  /** Why the sheet waits for a second keyer, and where they verify it. */
  awaiting: { reason: string; verifyHref: string | null } | null;
  onConfirm: () => void;
  onNext: () => void;
}

function focusField(field: string) {
  document.getElementById(`f-${field}`)?.focus();
}

/**
 * The bottom of the entry form: what still blocks confirmation (each item jumps
 * to its field), "Confirm" (checked against the paper) and "Save and next"
 * (where the keyboard goes after Confirm, so it is never left on a disabled button).
 */
export function ConfirmPanel({ errors, warningCount, canConfirm, confirmedAt, message, hasBatch, awaiting, onConfirm, onNext }: ConfirmPanelProps) {
  return (
    <section class="confirm-panel" aria-label="Confirm this application">
      {errors.length > 0 ? (
        <div class="blockers">
          <h2 class="blockers-title">
            {errors.length === 1 ? '1 thing to fix before you can confirm' : `${errors.length} things to fix before you can confirm`}
          </h2>
          <ul>
            {errors.map((e) => (
              <li key={`${e.field}-${e.code}`}>
                <button type="button" class="linklike" onClick={() => focusField(e.field)}>
                  {e.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : awaiting ? (
        <p class="ready-note">
          {awaiting.reason}{' '}
          {awaiting.verifyHref ? <Link href={awaiting.verifyHref}>Verify batch</Link> : null}
        </p>
      ) : confirmedAt !== null && !canConfirm ? (
        <p class="confirmed-note">Confirmed against the paper {formatWhen(confirmedAt)}. Any change must be confirmed again.</p>
      ) : (
        <p class="ready-note">
          {warningCount > 0
            ? 'No errors. Look at the warnings above against the paper, then confirm.'
            : 'Everything checks out. Compare it with the paper, then confirm.'}
        </p>
      )}
      {message && (
        <p class="confirm-message" role="status">
          {message}
        </p>
      )}
      <div class="confirm-actions">
        <button type="button" id="confirm-button" class="button button-primary" disabled={!canConfirm} onClick={onConfirm}>
          Confirm
        </button>
        <button type="button" id="next-button" class="button" onClick={onNext}>
          {hasBatch ? 'Save and next' : 'Save and back to records'} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
