/**
 * Answers that tell a user an SSID belongs to a student of another center (a
 * push's `ssid_taken` conflict, the approve route's 409). Students move between
 * centers, so the answer is needed; but each one says that a number exists
 * elsewhere, so each is audited and a user gets only so many per hour.
 */
import { appendAudit } from '../queries/audit-log';
import type { Executor } from '../queries/executor';
import { exceedsLimit, type Limit } from '../http/rate-limit';

/** Disclosures of another center's SSID per user per window. */
export const SSID_DISCLOSURE_LIMIT: Limit = { windowMs: 60 * 60 * 1000, max: 20 };

/** The audit action; not `ssid_%`, so it stays out of the holder's SSID history. */
export const DISCLOSURE_ACTION = 'disclosed_ssid_holder';

/**
 * Whether the user may be told that `holder` holds an SSID: always for their own
 * center's students (the roster shows them anyway); for another center's, while
 * under the limit, and then the answer is audited.
 */
export async function mayDiscloseSsidHolder(
  db: Executor,
  caller: { userId: string; centerId: string },
  holder: { id: string; center_id: string },
  now: Date,
): Promise<boolean> {
  if (holder.center_id === caller.centerId) return true;
  if (await exceedsLimit(db, `ssid-disclosure:user:${caller.userId}`, SSID_DISCLOSURE_LIMIT, now)) return false;
  await appendAudit(db, { at: now.toISOString(), user_id: caller.userId, action: DISCLOSURE_ACTION, entity: 'student', entity_id: holder.id, old_value: null, new_value: null });
  return true;
}
