import { useState } from 'preact/hooks';
import { useSession } from '../../sync/useSession';

/** Who is signed in, and "Sign out" (for a shared tablet: the next advisor signs in themselves). */
export function AccountMenu() {
  const { session, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      // When the server cannot be reached the token is still forgotten here,
      // and revoked on the server at the next connection.
      await signOut();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Sign-out failed.');
      setBusy(false);
    }
  };

  return (
    <div class="account-menu">
      <span class="account-name">{session.user.name}</span>
      <button type="button" class="button" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
      {error && (
        <span class="notice notice-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
