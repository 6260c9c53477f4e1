/**
 * The center's administrative history: one audit row per change, filed under the
 * center (entity 'center'), saying who did what to which account, school or tablet.
 */
import type { AdminAction, HistoryEntry } from '../../shared/admin-protocol';
import { ADMIN_ACTIONS } from '../../shared/admin-protocol';
import { appendAudit, centerHistory } from '../queries/audit-log';
import type { Executor } from '../queries/executor';

/** Records one change made by `userId` (null for the first set-up, before anyone exists). */
export async function auditAdminAction(db: Executor, change: { centerId: string; userId: string | null; action: AdminAction; subject: string; now: string }): Promise<void> {
  await appendAudit(db, {
    at: change.now, user_id: change.userId, action: change.action, entity: 'center', entity_id: change.centerId,
    old_value: null, new_value: change.subject,
  });
}

/** The newest `limit` changes, for the history panel. */
export async function adminHistory(db: Executor, centerId: string, limit = 30): Promise<HistoryEntry[]> {
  const rows = await centerHistory(db, centerId, limit);
  return rows.flatMap((row) => {
    const action = ADMIN_ACTIONS.find((a) => a === row.action);
    // Entries of a kind this version does not know are left out, not guessed at.
    return action === undefined ? [] : [{ id: row.id, at: row.at, by: row.user_name, action, subject: row.new_value ?? '' }];
  });
}
