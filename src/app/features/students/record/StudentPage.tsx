import { formatUsDate } from '../../../../shared/dates';
import { paths } from '../../../paths';
import { maskedLast4 } from '../labels';
import type { LocalStudent, OnlineRecord } from './useStudentRecord';
import { useSchools } from '../../../hooks/useSchools';
import { listName } from '../../../model/format';
import { StatusBadge } from '../../../components/StatusBadge';
import { Link } from '../../../components/Link';

/** Page 1, Student: who the student is, as the roster has them, and the applications typed on this tablet. */
export function StudentPage({ local, online }: { local: LocalStudent | null; online: OnlineRecord }) {
  const { names } = useSchools();
  const server = online.status === 'ready' ? online.record : null;
  const s = server ?? local?.entry;
  if (!s) return <p class="muted">Loading…</p>;
  const middleName = server?.middleName ?? '';
  const last4 = server ? server.ssidLast4 : (local?.entry?.ssidLast4 ?? null);
  return (
    <>
      <dl class="record-facts">
        <dt>First name</dt>
        <dd>{s.firstName || '—'}</dd>
        <dt>Middle name</dt>
        <dd>{middleName || '—'}</dd>
        <dt>Last name</dt>
        <dd>{s.lastName || '—'}</dd>
        <dt>Date of birth</dt>
        <dd>{s.dateOfBirth ? formatUsDate(s.dateOfBirth) : '—'}</dd>
        <dt>Grade</dt>
        <dd>{s.grade || '—'}</dd>
        <dt>School</dt>
        <dd>{names.get(s.schoolId) ?? '—'}</dd>
        <dt>School Student ID</dt>
        <dd>{s.schoolStudentId || '—'}</dd>
        <dt>CA SSID</dt>
        <dd class="mono">{last4 ? `${maskedLast4(last4)} (whole number on page 2)` : 'None yet'}</dd>
      </dl>
      {local && local.applications.length > 0 && (
        <>
          <h3>Applications typed on this tablet</h3>
          <ul>
            {local.applications.map((app) => (
              <li key={app.id}>
                <Link href={paths.record(app.id)}>{listName(app.fields)}, {app.fields.programYear || 'no program year'}</Link>{' '}
                <StatusBadge status={app.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
