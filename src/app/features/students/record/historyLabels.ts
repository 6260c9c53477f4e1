/** The audit log's SSID actions, in words for the Record information page. */
import type { SsidHistoryEntry } from '../../../../shared/protocol';

/** Words for the other actions the server records; an action not listed shows with its underscores as spaces. */
const ACTIONS: Record<string, string> = {
  ssid_sent_to_review: 'Sent to center review over an SSID conflict',
  enrollment_approved: 'Enrollment approved',
  enrollment_reenrolled_online: 'Re-enrolled online',
};

const masked = (last4: string) => `••••••${last4}`;

/** One history line: what happened, with the digits as last four only ("CA SSID set: ••••••8741"). */
export function describeHistoryEntry(entry: SsidHistoryEntry): string {
  if (entry.action === 'ssid_changed') {
    if (entry.from && entry.to) return `CA SSID changed: ${masked(entry.from)} → ${masked(entry.to)}`;
    if (entry.to) return `CA SSID set: ${masked(entry.to)}`;
    return entry.from ? `CA SSID removed: ${masked(entry.from)}` : 'CA SSID changed';
  }
  const words = ACTIONS[entry.action] ?? entry.action.replace(/_/g, ' ');
  return entry.to ? `${words}: ${masked(entry.to)}` : words;
}
