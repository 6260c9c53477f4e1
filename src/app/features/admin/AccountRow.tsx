import type { Account } from '../../../shared/admin-protocol';

const ROLE_LABELS: Record<Account['role'], string> = { advisor: 'Advisor', center_admin: 'Center administrator', state_admin: 'State administrator' };

/** One account with its state and its actions. */
export function AccountRow({ account, onToggle, onReset }: { account: Account; onToggle: () => void; onReset: () => void }) {
  const state = account.disabled ? 'Disabled' : account.mustChangePassword ? 'Has a one-time password' : 'Active';
  return (
    <li class={`admin-item${account.disabled ? ' admin-item-off' : ''}`}>
      <div class="admin-item-main">
        <strong>{account.name}</strong>
        <span>{account.email}</span>
        <span class="muted">
          {ROLE_LABELS[account.role]} · {state}
        </span>
      </div>
      <div class="admin-item-actions">
        <button type="button" class="button" onClick={onReset} aria-label={`Reset the password of ${account.name}`}>
          Reset password
        </button>
        <button type="button" class="button" onClick={onToggle} aria-label={`${account.disabled ? 'Re-enable' : 'Disable'} ${account.name}`}>
          {account.disabled ? 'Re-enable' : 'Disable'}
        </button>
      </div>
    </li>
  );
}
