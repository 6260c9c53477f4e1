import type { OneTimePasswordResponse } from '../../../shared/admin-protocol';
import { TextField } from '../../components/TextField';
import { AddForm } from './AddForm';
import type { AdminResource } from './useAdmin';
import { useAdminForm } from './useAdminForm';

const BLANK = { name: '', email: '', role: 'advisor' };

/** "Add an advisor": name, email and role; the server makes the one-time password. */
export function NewAccountForm({ act, onCreated }: { act: AdminResource<unknown>['act']; onCreated: (issued: OneTimePasswordResponse) => void }) {
  const { form, setField, errors, notice, busy, onSubmit } = useAdminForm(
    BLANK,
    act,
    (calls, account) => calls.createAccount({ ...account, role: account.role === 'center_admin' ? 'center_admin' : 'advisor' }),
    (issued) => {
      onCreated(issued);
      return null;
    },
  );
  return (
    <AddForm id="new-account" title="Add an advisor" submitLabel="Create account" onSubmit={onSubmit} notice={notice} busy={busy}>
      <TextField id="account-name" label="Name" value={form.name} error={errors.name} onInput={setField('name')} />
      <TextField id="account-email" label="Email" type="email" inputMode="email" value={form.email} error={errors.email} onInput={setField('email')} />
      <div class="field">
        <label for="account-role">Role</label>
        <select id="account-role" value={form.role} onChange={(event) => setField('role')(event.currentTarget.value)}>
          <option value="advisor">Advisor</option>
          <option value="center_admin">Center administrator</option>
        </select>
      </div>
    </AddForm>
  );
}
