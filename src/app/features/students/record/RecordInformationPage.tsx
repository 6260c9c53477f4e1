import { fieldLabel } from '../../../../shared/application';
import { describeHistoryEntry } from './historyLabels';
import { maskedLast4, ssidSourceLabel } from '../labels';
import type { LocalRosterEntry } from '../../../db/schema';
import type { OnlineRecord } from './useStudentRecord';

/** The SSID line while the student's only SSID is one the keyers did not agree on. */
const SSID_IN_SECOND_LOOK = 'Waits for a second look at the paper';

const formatDateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Page 2, Record information: the CA SSID on its top line (whole, the only
 * place it is), where it came from, when and by whom it was confirmed, and its
 * history from the server's audit log. Offline it says so and shows what the
 * roster on this tablet has. `ssidInSecondLook`: a sheet of the student on this
 * tablet has an SSID the keyers did not agree on, so "None yet" would mislead.
 */
export function RecordInformationPage({ entry, online, ssidInSecondLook }: { entry: LocalRosterEntry | null; online: OnlineRecord; ssidInSecondLook: boolean }) {
  const record = online.status === 'ready' ? online.record : null;
  const noneYet = ssidInSecondLook ? SSID_IN_SECOND_LOOK : 'None yet';
  const known = record ? record.ssid !== null : Boolean(entry?.ssidLast4);
  return (
    <>
      <dl class="record-facts">
        <dt>CA SSID</dt>
        <dd class="ssid-line mono" data-testid="record-ssid">
          {record ? (record.ssid ?? noneYet) : entry?.ssidLast4 ? maskedLast4(entry.ssidLast4) : online.status === 'loading' ? 'Loading…' : noneYet}
        </dd>
        <dt>Source</dt>
        <dd>{ssidSourceLabel(record ? record.ssidSource : entry?.ssidSource)}</dd>
        {record && (
          <>
            <dt>Confirmed</dt>
            <dd>
              {record.ssidConfirmedAt ? formatDateTime(record.ssidConfirmedAt) : 'Not yet'}
              {record.ssidConfirmedBy ? ` by ${record.ssidConfirmedBy}` : ''}
            </dd>
            {record.ssid && (
              <>
                <dt>Keying</dt>
                <dd data-testid="record-ssid-keying">
                  {record.ssidVerification
                    ? `Verified: typed by ${record.ssidVerification.enteredBy}, verified by ${record.ssidVerification.verifiedBy}${
                      record.ssidVerification.secondLookBy ? `, read on the paper at a second look by ${record.ssidVerification.secondLookBy}` : ''}`
                    : 'Typed once'}
                </dd>
              </>
            )}
            {record.verifiedFields.length > 0 && (
              <>
                <dt>Verified fields</dt>
                <dd>
                  <ul class="verified-fields" data-testid="record-verified-fields">
                    {record.verifiedFields.map((f) => (
                      <li key={f.field}>
                        {fieldLabel(f.field)}: verified by {f.verifiedBy}{f.secondLookBy ? `, read on the paper at a second look by ${f.secondLookBy}` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </>
        )}
      </dl>
      {ssidInSecondLook && known && (
        <p class="notice notice-warning">A sheet of this student on this tablet has a CA SSID the keyers did not agree on; it waits for a second look at the paper.</p>
      )}
      {entry?.pendingSsidLast4 && (
        <p class="notice notice-warning">
          An SSID update ending in {entry.pendingSsidLast4} is queued on this tablet and will be sent with the next sync.
        </p>
      )}
      {entry?.ssidUpdateProblem && <p class="notice notice-error">The last SSID update was not applied: {entry.ssidUpdateProblem.message}</p>}
      {(online.status === 'offline' || online.status === 'error') && (
        <p class="notice notice-warning" role="status">
          {online.message} The whole CA SSID, who confirmed it and its history need a connection; above is what this tablet’s
          roster has.
        </p>
      )}
      <h3>History</h3>
      {record && record.history.length === 0 && <p class="muted">No SSID changes recorded yet.</p>}
      {record && record.history.length > 0 && (
        <ul class="history">
          {record.history.map((h, i) => (
            <li key={i}>
              <strong>{formatDateTime(h.at)}</strong> {describeHistoryEntry(h)}
              {h.by ? `, by ${h.by}` : ', by the student online'}
            </li>
          ))}
        </ul>
      )}
      {!record && <p class="muted">{online.status === 'loading' ? 'Loading…' : 'Available when the tablet is online.'}</p>}
    </>
  );
}
