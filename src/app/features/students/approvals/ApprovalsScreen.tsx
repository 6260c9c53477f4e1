import { usePendingApprovals } from './usePendingApprovals';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { ApprovalItem } from './ApprovalItem';
import '../../../styles/students.css';

/**
 * Enrollments waiting for the advisor: applications whose Parent Authorization
 * Form came in, and students who re-enrolled online. Approving one without a
 * CA SSID asks for it. The list lives on the server, so it needs a connection.
 */
export function ApprovalsScreen() {
  const { list, approve, reload } = usePendingApprovals();
  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>Pending approvals</ScreenTitle>
      {list.status === 'loading' && <p class="muted">Loading…</p>}
      {list.status === 'failed' && (
        <div class="notice notice-warning" role="status">
          <p>{list.message}</p>
          <button type="button" class="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {list.status === 'ready' && list.enrollments.length === 0 && <p class="empty">Nothing is waiting for approval.</p>}
      {list.status === 'ready' && list.enrollments.length > 0 && (
        <ul class="approval-list">
          {list.enrollments.map((enrollment) => (
            <ApprovalItem key={enrollment.id} enrollment={enrollment} approve={approve} />
          ))}
        </ul>
      )}
    </section>
  );
}
