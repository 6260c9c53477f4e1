/**
 * When to warn that unsynced records are at risk: Safari may erase a site's
 * storage after 7 days without a visit, so an advisor whose oldest unsynced
 * change is more than 5 days old is told to sync or export a backup, with two
 * days to spare.
 */
import type { Status } from '../../shared/lifecycle';

/** Days an unsynced change may wait before the warning shows. */
export const UNSYNCED_WARNING_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The warning's sentence. */
export const EVICTION_WARNING = 'Safari may erase data after 7 days without a visit: sync or export a backup';

/** What the rule reads of a record: plain columns only, so it works while locked. */
export interface UnsyncedView {
  status: Status;
  createdAt: number;
  updatedAt: number;
  serverVersion: number | null;
}

/**
 * Since when the oldest change not on the server has waited (ms), or null when
 * everything is synced. A record the server never had counts from its creation;
 * one the server has counts from its last change; a queued outbox row from when
 * it was queued.
 */
export function oldestUnsyncedAt(records: readonly UnsyncedView[], queuedAt: readonly number[]): number | null {
  let oldest: number | null = null;
  const consider = (at: number) => {
    if (oldest === null || at < oldest) oldest = at;
  };
  for (const record of records) {
    if (record.status !== 'synced') consider(record.serverVersion === null ? record.createdAt : record.updatedAt);
  }
  for (const at of queuedAt) consider(at);
  return oldest;
}

/** True when the oldest unsynced change is more than UNSYNCED_WARNING_DAYS old at `now`. */
export function shouldWarnUnsynced(oldest: number | null, now: number): boolean {
  return oldest !== null && now - oldest > UNSYNCED_WARNING_DAYS * DAY_MS;
}
