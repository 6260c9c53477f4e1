import { useState } from 'preact/hooks';
import type { Tablet } from '../../../shared/admin-protocol';
import { formatWhen } from '../../model/format';
import { AdminFrame } from './AdminFrame';
import { AdminList } from './AdminList';
import type { AdminCalls } from './adminCalls';
import { ConfirmButton } from './ConfirmButton';
import { useAdminResource } from './useAdmin';
import type { FormNotice } from './useAdminForm';

const loadTablets = (calls: AdminCalls) => calls.tablets();
const when = (iso: string | null) => (iso === null ? 'never' : formatWhen(Date.parse(iso)));
const label = (tablet: Tablet) => tablet.name || `Tablet …${tablet.deviceId.slice(-6)}`;

/** Every tablet that signed in for the center, and "Revoke" for a lost one. */
export function TabletsScreen() {
  const { list, act, round } = useAdminResource(loadTablets);
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const revoke = async (tablet: Tablet) => {
    const outcome = await act((calls) => calls.revokeTablet(tablet.deviceId));
    setNotice(outcome.ok
      ? { kind: 'ok', text: `${label(tablet)} is signed out. It says so at its next sync; the records on it are kept.` }
      : { kind: 'error', text: outcome.message });
  };
  return (
    <AdminFrame title="Tablets" round={round}>
      <AdminList list={list} label="Tablets" empty="No tablet has signed in yet." notice={notice}>
        {(tablet) => (
          <li key={tablet.deviceId} class={`admin-item${tablet.signedIn ? '' : ' admin-item-off'}`}>
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
            </div>
            {tablet.signedIn && (
              <div class="admin-item-actions">
                <ConfirmButton
                  label="Revoke"
                  name={label(tablet)}
                  question={`Sign ${label(tablet)} out everywhere now? Its records stay on it.`}
                  confirmLabel="Revoke tablet"
                  onConfirm={() => revoke(tablet)}
                />
              </div>
            )}
          </li>
        )}
      </AdminList>
    </AdminFrame>
  );
}
