import { useEffect, useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useLocation, useNavigate } from '../../hooks/useLocation';
import { describeSignInError } from '../../sync/messages';
import { useSession } from '../../hooks/useSession';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useServices } from '../../hooks/context';
import { readDeviceName } from '../../db/meta';
import './sign-in.css';

/**
 * The sign-in screen: email and password, once online; afterwards the app works
 * offline. The tablet's name, kept on the tablet, lets the center's Tablets
 * screen (and an advisor's warning about records that never arrived) say
 * "Blue cart 3" instead of the end of an id.
 */
export function SignIn() {
  const { store } = useServices();
  const { status, session, signIn } = useSession();
  const { path } = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const knownEmail = session?.user.email ?? '';
  // After a session ended, offer the same advisor's email (it loads after the first render).
  useEffect(() => {
    if (knownEmail) setEmail((typed) => typed || knownEmail);
  }, [knownEmail]);
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState('');
  useEffect(() => {
    readDeviceName(store.db)
      .then((known) => { if (known) setDeviceName((typed) => typed || known); })
      .catch((failure: unknown) => console.error('Could not read the tablet name', failure));
  }, [store]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ email, password, deviceName });
      setPassword('');
      if (path === paths.signIn()) navigate(paths.batches(), { replace: true });
    } catch (failure) {
      setError(describeSignInError(failure, navigator.onLine));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen sign-in" aria-labelledby="screen-title">
      <ScreenTitle>Sign in</ScreenTitle>
      {status === 'expired' && (
        <p class="notice">Your session has ended. Sign in again to sync; your records are safe on this tablet.</p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <label for="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <label for="sign-in-device-name">This tablet’s name (optional)</label>
        <p class="hint" id="sign-in-device-name-hint">So your center can tell its tablets apart, e.g. “Blue cart 3”.</p>
        <input
          id="sign-in-device-name"
          type="text"
          autoComplete="off"
          maxLength={120}
          aria-describedby="sign-in-device-name-hint"
          value={deviceName}
          onInput={(e) => setDeviceName(e.currentTarget.value)}
        />
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
