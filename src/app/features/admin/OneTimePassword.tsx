import type { OneTimePasswordResponse } from '../../../shared/admin-protocol';

/** The one-time password, shown once, with what to do with it. */
export function OneTimePassword({ issued, onDone }: { issued: OneTimePasswordResponse; onDone: () => void }) {
  return (
    <div class="notice admin-one-time" role="status">
      <p>
        Give <strong>{issued.account.name}</strong> ({issued.account.email}) this one-time password:
      </p>
      <p class="admin-password" data-testid="one-time-password">
        {issued.oneTimePassword}
      </p>
      <p>They sign in with it once and then choose their own. It is not shown again.</p>
      <button type="button" class="button" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
