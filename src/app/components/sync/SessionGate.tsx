import type { ComponentChildren } from 'preact';
import { useLocation } from '../../hooks/useLocation';
import { SYNC_PATHS } from '../../sync/paths';
import { useSession } from '../../sync/useSession';
import { SignIn } from './SignIn';

/**
 * Shows the sign-in screen until someone has signed in once on this tablet (or
 * at /sign-in, after the server ended the session); otherwise the app. An ended
 * session does not lock the advisor out: records stay editable offline.
 */
export function SessionGate({ children }: { children: ComponentChildren }) {
  const { status } = useSession();
  const { path } = useLocation();
  if (status === 'loading') return <p class="muted">Loading…</p>;
  if (status === 'none' || path === SYNC_PATHS.signIn) return <SignIn />;
  return <>{children}</>;
}
