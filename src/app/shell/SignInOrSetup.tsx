import { SignIn } from '../features/session/SignIn';
import { FirstSetupScreen } from '../features/admin/FirstSetupScreen';
import { useFirstSetup } from '../features/admin/useFirstSetup';

/** Sign-in, or on a server without any user yet the first set-up instead. */
export function SignInOrSetup() {
  const { needed, create } = useFirstSetup();
  if (needed === null) return <p class="muted">Loading…</p>;
  return needed ? <FirstSetupScreen create={create} /> : <SignIn />;
}
