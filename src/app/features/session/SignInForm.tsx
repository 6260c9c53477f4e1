import { useEffect, useState } from 'preact/hooks';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { Credentials } from '../../sync/session';
import { FormFooter } from '../../components/FormFooter';
import './sign-in.css';

/**
 * The sign-in form: email, password and the tablet's name. It needs no store,
 * so a tablet's first visit draws it before the rest of the app is loaded
 * (shell/FirstScreen.tsx); SignIn.tsx gives it the store's session in the app.
 * `onSignIn` resolves with the sentence to show when signing in failed, else null;
 * `typed` is what the form starts with (what was typed into index.html's copy of it).
 */
export function SignInForm({ expired, knownEmail, knownDeviceName, onSignIn, typed }: {
  expired: boolean;
  knownEmail: string;
  knownDeviceName: string;
  onSignIn: (credentials: Credentials) => Promise<string | null>;
  typed?: Credentials;
}) {
  const [email, setEmail] = useState(typed?.email ?? '');
  // After a session ended, offer the same advisor's email (it loads after the first render).
  useEffect(() => {
    if (knownEmail) setEmail((typed) => typed || knownEmail);
  }, [knownEmail]);
  const [password, setPassword] = useState(typed?.password ?? '');
  const [deviceName, setDeviceName] = useState(typed?.deviceName ?? '');
  useEffect(() => {
    if (knownDeviceName) setDeviceName((typed) => typed || knownDeviceName);
  }, [knownDeviceName]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await onSignIn({ email, password, deviceName });
    if (failure === null) setPassword('');
    else setError(failure);
    setBusy(false);
  };

  return (
    <section class="screen sign-in" aria-labelledby="screen-title">
      <ScreenTitle>Sign in</ScreenTitle>
      {expired && (
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
        <FormFooter error={error} busy={busy} label="Sign in" busyLabel="Signing in…" />
      </form>
    </section>
  );
}
