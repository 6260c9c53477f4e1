import type { AdminAction, HistoryEntry } from '../../../shared/admin-protocol';
import { formatWhen } from '../../model/format';
import { useAdminResource } from './useAdmin';

const VERBS: Record<AdminAction, string> = {
  center_created: 'set up the center',
  account_created: 'created the account',
  account_disabled: 'disabled',
  account_enabled: 're-enabled',
  password_reset: 'reset the password of',
  school_added: 'added the school',
  school_renamed: 'renamed the school',
  verification_policy_set: 'set',
  verification_fields_set: 'set',
  school_retired: 'retired the school',
  tablet_revoked: 'revoked the tablet',
  unsent_dismissed: 'dismissed the missing-records warning for',
  unsent_recovered: 'restored from a backup the records of',
};

const loadHistory = (calls: { history(): Promise<HistoryEntry[]> }) => calls.history();

/** "Recent changes": who changed what in the center's set-up, and when. `round` reloads it after a change. */
export function HistoryPanel({ round }: { round: number }) {
  // A change on the screen above bumps `round`, which loads the history again.
  const { list } = useAdminResource(loadHistory, round);
  return (
    <section class="admin-history" aria-labelledby="admin-history-title">
      <h2 id="admin-history-title">Recent changes</h2>
      {list.status === 'failed' && <p class="muted">{list.message}</p>}
      {list.status === 'ready' && list.data.length === 0 && <p class="muted">No changes yet.</p>}
      {list.status === 'ready' && list.data.length > 0 && (
        <ol class="admin-history-list">
          {list.data.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatWhen(Date.parse(entry.at))}</time> {entry.by ?? 'Someone'} {VERBS[entry.action]} <strong>{entry.subject}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
