import type { Status } from '../../shared/lifecycle';
import { STATUS_LABELS } from '../model/statusLabels';

/** A record's status as a small labelled badge. */
export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
