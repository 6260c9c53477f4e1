import type { Tablet } from '../../../shared/admin-protocol';
import { todayIso } from '../../../shared/dates';
import { notArrivedSentence, shortDateInWords, tabletLabel, unsentRecords } from '../../../shared/unsent-reports';
import { formatWhen } from '../../model/format';
import { ConfirmButton } from './ConfirmButton';

const when = (iso: string | null) => (iso === null ? 'never' : formatWhen(Date.parse(iso)));
/** A timestamp's local date in words, "Nov 20". */
const day = (iso: string) => shortDateInWords(todayIso(new Date(iso)), todayIso());

/** The tablet as the list names it. */
export const label = (tablet: Tablet) => tablet.name || tabletLabel('', tablet.deviceId);

/** What the tablet last said it held unsent, as the list says it. */
function unsentLine(tablet: Tablet): string | null {
  if (tablet.unsent === null) return null;
  const { records, reportedAt } = tablet.unsent;
  if (records === 0) return `Nothing unsent at its last sync (${day(reportedAt)})`;
  return `Last reported ${unsentRecords(records)} on ${day(reportedAt)}`;
}

/** One tablet: who used it, when, what it holds unsent, and its actions (revoke; dismiss records that never arrived). */
export function TabletItem({ tablet, onRevoke, onDismiss }: { tablet: Tablet; onRevoke: () => Promise<void>; onDismiss: () => Promise<void> }) {
  const unsent = unsentLine(tablet);
  const missing = tablet.notArrived;
  return (
    <li class={`admin-item${tablet.signedIn ? '' : ' admin-item-off'}${missing ? ' admin-item-warned' : ''}`}>
      <div class="admin-item-main">
        <strong>{label(tablet)}</strong>
        <span>
          {tablet.userName} ({tablet.userEmail})
        </span>
        <span class="muted">
          Last contact {when(tablet.lastContactAt)} · last sync sent {when(tablet.lastPushAt)}
          {tablet.revokedAt && ` · revoked ${when(tablet.revokedAt)}`}
          {!tablet.signedIn && ' · signed out'}
        </span>
        {unsent && <span class="muted">{unsent}</span>}
        {missing && (
          <div class="notice notice-warning tablet-not-arrived">
            <strong>{notArrivedSentence(missing.records, todayIso(new Date(missing.reportedAt)), todayIso())}</strong>
            <span>
              {missing.userName} signed in on a tablet with nothing stored on {day(missing.emptySignInAt)}: if it was this one, its storage was cleared.
            </span>
          </div>
        )}
      </div>
      <div class="admin-item-actions">
        {missing && (
          <ConfirmButton
            label="Dismiss warning"
            name={label(tablet)}
            question={`Close the warning about ${label(tablet)}’s ${missing.records} records? Do this once you have looked for a backup file; the history keeps it.`}
            confirmLabel="Dismiss warning"
            onConfirm={onDismiss}
          />
        )}
        {tablet.signedIn && (
          <ConfirmButton
            label="Revoke"
            name={label(tablet)}
            question={`Sign ${label(tablet)} out everywhere now? Its records stay on it.`}
            confirmLabel="Revoke tablet"
            onConfirm={onRevoke}
          />
        )}
      </div>
    </li>
  );
}
