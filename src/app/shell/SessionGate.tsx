import type { ComponentChildren } from 'preact';
import { useSession } from '../hooks/useSession';
import { lazyScreen } from '../components/lazyScreen';

// Fetched only when shown, so a signed-in tablet's cold start to the unlock screen runs none of it.
const SignInOrSetup = lazyScreen(() => import('./SignInOrSetup').then((m) => m.SignInOrSetup));
const ChangePasswordScreen = lazyScreen(() => import('../features/admin/ChangePasswordScreen').then((m) => m.ChangePasswordScreen));

/**
 * Shows the sign-in screen until someone has signed in once on this tablet;
 * otherwise the app. An ended session does not lock the advisor out: records
 * stay editable offline, and "Sign in again" leads to the sign-in route.
 */
export function SessionGate({ children }: { children: ComponentChildren }) {
  const { status, session } = useSession();
  if (status === 'loading') return <p class="muted">Loading…</p>;
  if (status === 'none') {
    return (
      <main id="main" class="sign-in-page">
        <SignInOrSetup />
      </main>
    );
  }
  // A one-time password from the center administrator is replaced before anything else.
  if (status === 'active' && session?.user.mustChangePassword === true) return <ChangePasswordScreen name={session.user.name} />;
  return <>{children}</>;
}
