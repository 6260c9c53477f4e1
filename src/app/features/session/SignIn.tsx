import { useEffect, useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useLocation, useNavigate } from '../../hooks/useLocation';
import { describeSignInError } from '../../sync/messages';
import { useSession } from '../../hooks/useSession';
import { useServices } from '../../hooks/context';
import { readDeviceName } from '../../db/meta';
import type { Credentials } from '../../sync/session';
import { SignInForm } from './SignInForm';

/**
 * The sign-in screen in the app: the form with the session's email after it
 * ended, and the tablet's name, kept on the tablet, which lets the center's
 * Tablets screen (and an advisor's warning about records that never arrived)
 * say "Blue cart 3" instead of the end of an id.
 */
export function SignIn() {
  const { store } = useServices();
  const { status, session, signIn } = useSession();
  const { path } = useLocation();
  const navigate = useNavigate();
  const [knownDeviceName, setKnownDeviceName] = useState('');
  useEffect(() => {
    readDeviceName(store.db)
      .then((known) => { if (known) setKnownDeviceName(known); })
      .catch((failure: unknown) => console.error('Could not read the tablet name', failure));
  }, [store]);

  const onSignIn = async (credentials: Credentials): Promise<string | null> => {
    try {
      await signIn(credentials);
    } catch (failure) {
      return describeSignInError(failure, navigator.onLine);
    }
    if (path === paths.signIn()) navigate(paths.batches(), { replace: true });
    return null;
  };

  return <SignInForm expired={status === 'expired'} knownEmail={session?.user.email ?? ''} knownDeviceName={knownDeviceName} onSignIn={onSignIn} />;
}
