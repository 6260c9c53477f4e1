import { useState } from 'preact/hooks';
import { paths } from '../../../paths';
import { formatUsDate } from '../../../../shared/dates';
import type { PendingEnrollment } from '../../../../shared/protocol';
import { maskedLast4, studentName } from '../labels';
import type { ApproveOutcome } from './usePendingApprovals';
import { useSchools } from '../../../hooks/useSchools';
import { Link } from '../../../components/Link';
import { SsidPrompt } from './SsidPrompt';

/**
 * One enrollment waiting for approval. "Approve" goes straight to the server
 * when the student has a CA SSID; otherwise it first asks for one.
 */
export function ApprovalItem({ enrollment: e, approve }: { enrollment: PendingEnrollment; approve: (id: string, ssid?: string) => Promise<ApproveOutcome> }) {
  const { names } = useSchools();
  const [prompting, setPrompting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titleId = `approval-${e.id}`;

  const run = async (ssid?: string) => {
    setBusy(true);
    setMessage(null);
    const outcome = await approve(e.id, ssid);
    // On success the enrollment leaves the list, and this item with it.
    if (!outcome.ok) setMessage(outcome.message);
    setBusy(false);
  };
  const onApprove = () => {
    if (e.ssidLast4 === null) setPrompting(true);
    else run().catch((error: unknown) => console.error('Approval failed', error));
  };

  return (
    <li class="approval" aria-labelledby={titleId}>
      <h2 id={titleId} class="card-title">
        <Link href={paths.student(e.studentId)}>{studentName(e)}</Link>
      </h2>
      <p class="card-meta">
        {e.origin === 'student_online' ? 'Re-enrolled online by the student' : 'Application from a tablet'} for {e.programYear}; born{' '}
        {formatUsDate(e.dateOfBirth)}, grade {e.grade || '—'}, {names.get(e.schoolId) ?? 'school not known on this tablet'}.
      </p>
      <p>
        CA SSID: <span class="mono">{e.ssidLast4 ? maskedLast4(e.ssidLast4) : 'none yet'}</span>. Parent Authorization Form:{' '}
        {e.pafStatus === 'signed' ? 'signed' : 'missing'}.
      </p>
      {!prompting && (
        <div class="card-actions">
          <button type="button" class="button button-primary" onClick={onApprove} disabled={busy}>
            Approve
          </button>
        </div>
      )}
      {prompting && (
        <SsidPrompt
          idPrefix={`approve-${e.id}`}
          required={e.ssidRequired}
          busy={busy}
          onApprove={(ssid) => run(ssid).catch((error: unknown) => console.error('Approval failed', error))}
          onCancel={() => {
            setPrompting(false);
            setMessage(null);
          }}
        />
      )}
      {message && (
        <p class="notice notice-error" role="alert">
          {message}
        </p>
      )}
    </li>
  );
}
