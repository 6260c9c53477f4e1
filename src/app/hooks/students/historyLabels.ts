/** The audit log's SSID actions, in words for the Record information page. */
import type { SsidHistoryEntry } from '../../../shared/protocol';
import { SSID_SOURCE_LABELS } from './labels';

/** Words for the actions the server records; an action not listed is shown with its underscores as spaces. */
const ACTIONS: Record<string, string> = {
  ssid_changed: 'CA SSID changed',
  ssid_set: 'CA SSID set',
  ssid_updated: 'CA SSID updated',
  ssid_sent_to_review: 'Sent to center review over an SSID conflict',
  ssid_update_applied: 'CA SSID set',
  re_enrolled: 'Re-enrolled online',
  enrollment_approved: 'Enrollment approved',
};

/** One history line: what happened, with the digits as last four only. */
export function describeHistoryEntry(entry: SsidHistoryEntry): string {
  const bySource = Object.entries(SSID_SOURCE_LABELS).find(([source]) => entry.action.endsWith(source));
  const base = ACTIONS[entry.action] ?? (bySource ? `CA SSID from ${bySource[1]}` : entry.action.replace(/_/g, ' '));
  const from = entry.from ? `••••••${entry.from}` : null;
  const to = entry.to ? `••••••${entry.to}` : null;
  const change = from && to ? `: ${from} → ${to}` : to ? `: ${to}` : from ? `: ${from} removed` : '';
  return `${base}${change}`;
}
