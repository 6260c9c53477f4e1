import { useState } from 'preact/hooks';
import type { Tablet } from '../../../shared/admin-protocol';
import { unsentRecords } from '../../../shared/unsent-reports';
import { AdminFrame } from './AdminFrame';
import { AdminList } from './AdminList';
import type { AdminCalls } from './adminCalls';
import { label, TabletItem } from './TabletItem';
import { useAdminResource } from './useAdmin';
import type { FormNotice } from './useAdminForm';

const loadTablets = (calls: AdminCalls) => calls.tablets();

/** The center's tablets whose reported records never arrived, named first so they are not missed in a long list. */
function NotArrivedSummary({ tablets }: { tablets: Tablet[] }) {
  const missing = tablets.flatMap((t) => (t.notArrived ? [{ ...t, notArrived: t.notArrived }] : []));
  if (missing.length === 0) return null;
  return (
    <section class="notice notice-warning" aria-labelledby="not-arrived-title">
      <h2 id="not-arrived-title">Records that never arrived</h2>
      <ul>
        {missing.map((t) => (
          <li key={t.deviceId}>
            {label(t)} ({t.notArrived.userName}): {unsentRecords(t.notArrived.records)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every tablet that signed in for the center, what each last held unsent, and "Revoke" for a lost one. */
export function TabletsScreen() {
  const { list, act, round } = useAdminResource(loadTablets);
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const revoke = async (tablet: Tablet) => {
    const outcome = await act((calls) => calls.revokeTablet(tablet.deviceId));
    setNotice(outcome.ok
      ? { kind: 'ok', text: `${label(tablet)} is signed out. It says so at its next sync; the records on it are kept.` }
      : { kind: 'error', text: outcome.message });
  };
  const dismiss = async (tablet: Tablet) => {
    const outcome = await act((calls) => calls.dismissUnsent(tablet.deviceId));
    setNotice(outcome.ok ? { kind: 'ok', text: `The warning about ${label(tablet)} is closed; the history keeps it.` } : { kind: 'error', text: outcome.message });
  };
  return (
    <AdminFrame title="Tablets" round={round}>
      {list.status === 'ready' && <NotArrivedSummary tablets={list.data} />}
      <AdminList list={list} label="Tablets" empty="No tablet has signed in yet." notice={notice}>
        {(tablet) => <TabletItem key={tablet.deviceId} tablet={tablet} onRevoke={() => revoke(tablet)} onDismiss={() => dismiss(tablet)} />}
      </AdminList>
    </AdminFrame>
  );
}
