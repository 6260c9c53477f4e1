import { SignIn } from '../session/SignIn';
import { FirstSetupScreen } from './FirstSetupScreen';
import { useFirstSetup } from './useFirstSetup';

/** Sign-in, or on a server without any user yet the first set-up instead. */
export function SignInOrSetup() {
  const { needed, create } = useFirstSetup();
  if (needed === null) return <p class="muted">Loading…</p>;
  return needed ? <FirstSetupScreen create={create} /> : <SignIn />;
}
