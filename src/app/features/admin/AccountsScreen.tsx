import { useState } from 'preact/hooks';
import type { Account, OneTimePasswordResponse } from '../../../shared/admin-protocol';
import { AccountRow } from './AccountRow';
import { AdminFrame } from './AdminFrame';
import { AdminList } from './AdminList';
import type { AdminCalls } from './adminCalls';
import { NewAccountForm } from './NewAccountForm';
import { OneTimePassword } from './OneTimePassword';
import { useAdminResource } from './useAdmin';
import type { FormNotice } from './useAdminForm';

const loadAccounts = (calls: AdminCalls) => calls.accounts();

/** Advisors and administrators: create with a one-time password, disable, re-enable, reset the password. */
export function AccountsScreen() {
  const { list, act, round } = useAdminResource(loadAccounts);
  const [issued, setIssued] = useState<OneTimePasswordResponse | null>(null);
  const [notice, setNotice] = useState<FormNotice | null>(null);

  const run = async (change: (calls: AdminCalls) => Promise<OneTimePasswordResponse | Account>) => {
    setNotice(null);
    const outcome = await act(change);
    if (!outcome.ok) setNotice({ kind: 'error', text: outcome.message });
    else if ('oneTimePassword' in outcome.value) setIssued(outcome.value);
  };

  return (
    <AdminFrame title="Advisors" round={round}>
      {issued && <OneTimePassword issued={issued} onDone={() => setIssued(null)} />}
      <NewAccountForm act={act} onCreated={setIssued} />
      <AdminList list={list} label="Accounts" empty="No accounts yet." notice={notice}>
        {(account) => (
          <AccountRow
            key={account.id}
            account={account}
            onToggle={() => run((calls) => calls.setDisabled(account.id, !account.disabled))}
            onReset={() => run((calls) => calls.resetPassword(account.id))}
          />
        )}
      </AdminList>
    </AdminFrame>
  );
}
