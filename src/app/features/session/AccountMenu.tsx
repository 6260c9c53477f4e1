import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HeaderMenu } from '../../components/HeaderMenu';
import { signOutWarnings } from '../../sync/messages';
import { useRefusedRecords } from './useRefusedRecords';
import { useSession } from '../../hooks/useSession';
import { useSync } from './useSync';

/**
 * Who is signed in, as the top bar's menu: `children` (backup, lock) and
 * "Sign out" (for a shared tablet: the next advisor signs in themselves).
 * Signing out offline or with records not yet on the server says what that
 * means first, and the advisor may stay signed in.
 */
export function AccountMenu({ children }: { children?: ComponentChildren }) {
  const { session } = useSession();
  if (!session) return null;
  return (
    <HeaderMenu
      label={`Account: ${session.user.name}`}
      button={
        <>
          <span class="account-name">{session.user.name}</span>
          <span class="account-initials">{initials(session.user.name)}</span>
        </>
      }
    >
      <p class="header-menu-who">
        Signed in as <strong>{session.user.name}</strong>
        <br />
        <span class="muted">{session.user.email}</span>
      </p>
      {children}
      <SignOut />
    </HeaderMenu>
  );
}

/** "DA" for Demo Advisor: the account button's face where the header has no room for the whole name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return picked.map((word) => [...word][0]!.toUpperCase()).join('');
}

function SignOut() {
  const { signOut } = useSession();
  const { state } = useSync();
  const records = useRefusedRecords();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const warnings = signOutWarnings({
    pending: state.pending,
    attention: records.status === 'ready' ? records.data.length : 0,
    offline: state.phase === 'offline' || !navigator.onLine,
  });

  useEffect(() => {
    if (asking) stay.current?.focus();
  }, [asking]);

  const signOutNow = async () => {
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

  if (asking) {
    return (
      <div class="sign-out-warning" role="group" aria-labelledby="sign-out-warning-title">
        <p id="sign-out-warning-title">
          <strong>Sign out?</strong>
        </p>
        {warnings.map((warning) => (
          <p key={warning}>{warning}</p>
        ))}
        <div class="button-row">
          <button type="button" class="button button-primary" ref={stay} onClick={() => setAsking(false)}>
            Stay signed in
          </button>
          <button type="button" class="button button-danger" onClick={signOutNow} disabled={busy}>
            Sign out anyway
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      <button type="button" class="button" onClick={() => (warnings.length > 0 ? setAsking(true) : void signOutNow())} disabled={busy}>
        Sign out
      </button>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
