/** Record statuses in the advisor's words. */
import type { Status } from '../../shared/lifecycle';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'Needs fixing',
  ready: 'Ready to confirm',
  confirmed: 'Confirmed',
  queued: 'Confirmed, waiting to send',
  synced: 'Sent',
  rejected: 'Refused by the server',
  conflict: 'Conflict',
};
