import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import type { LocalApplication } from '../../db/schema';
import { fieldLabel } from '../../../shared/application';
import { canResendAsIs, canSaySameStudent, canSendToReview } from '../../model/conflictChoices';
import { Link } from '../../components/Link';
import { StatusBadge } from '../../components/StatusBadge';

/** The two lines a probable match adds beside the paper's fields: the center's name for the student, and what differs. */
const MATCH_LABELS = new Map<string, string>([
  ['name', 'Name'],
  ['difference', 'What differs'],
]);

/** The ways to re-queue a conflicting record as it is. */
export interface ResolveActions {
  sendToReview: (recordId: string) => Promise<void>;
  resendAsIs: (recordId: string) => Promise<void>;
  sameStudent: (recordId: string) => Promise<void>;
}

/**
 * One refused or conflicting record: who it is, the server's reason (per field
 * where it gave them), "Edit and resend", for an SSID another student holds
 * "Send to center review", for a change made on another device "Send my
 * version again", and for a probable match with a student the center has (their
 * name and birth date shown) "Same student".
 */
export function NeedsAttentionItem({ record, actions }: { record: LocalApplication; actions: ResolveActions }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = [record.fields.firstName, record.fields.lastName].filter(Boolean).join(' ') || 'Unnamed student';
  const reason = record.serverReason;
  const titleId = `attention-${record.id}`;

  const run = async (action: (recordId: string) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      // On success the record leaves this list, and this item with it.
      await action(record.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'It could not be queued again.');
      setBusy(false);
    }
  };

  return (
    <li class="attention-item" aria-labelledby={titleId}>
      <h2 id={titleId} class="card-title">
        {name} <StatusBadge status={record.status} />
      </h2>
      <p>{reason?.message ?? 'The server did not accept this record.'}</p>
      {reason?.fields && reason.fields.length > 0 && (
        <ul>
          {reason.fields.map((f) => (
            <li key={f.field}>
              {MATCH_LABELS.get(f.field) ?? fieldLabel(f.field)}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {canSendToReview(record) && (
        <p class="muted">
          If the paper is right, the center can look into which student the SSID belongs to: the record is sent without
          giving this student the SSID.
        </p>
      )}
      {canResendAsIs(record) && (
        <p class="muted">Sending your version again replaces the change made on the other device.</p>
      )}
      {canSaySameStudent(record) && (
        <p class="muted">
          “Same student” adds this paper to the center’s student and changes their name and date of birth to what you
          typed. If what you typed is a slip, choose “Edit and resend” and correct it instead.
        </p>
      )}
      {record.status === 'conflict' && reason?.code === 'already_enrolled' && (
        <p class="muted">
          Nothing from this paper is lost: it stays on this tablet. If the program year was typed wrong, choose “Edit and
          resend”; otherwise ask your center to update the enrollment it has.
        </p>
      )}
      <div class="attention-actions">
        <Link href={paths.record(record.id)} class="button button-primary">
          Edit and resend
        </Link>
        {canSendToReview(record) && (
          <button type="button" class="button" onClick={() => run(actions.sendToReview)} disabled={busy}>
            Send to center review
          </button>
        )}
        {canResendAsIs(record) && (
          <button type="button" class="button" onClick={() => run(actions.resendAsIs)} disabled={busy}>
            Send my version again
          </button>
        )}
        {canSaySameStudent(record) && (
          <button type="button" class="button" onClick={() => run(actions.sameStudent)} disabled={busy}>
            Same student
          </button>
        )}
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
