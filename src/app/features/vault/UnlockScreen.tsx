import { useState } from 'preact/hooks';
import { ScreenTitle } from '../../components/ScreenTitle';
import { CryptoError } from '../../crypto/errors';
import { FormFooter } from '../../components/FormFooter';

/**
 * The locked app: only the passphrase field, and what is waiting to sync.
 * Unlocking works offline; a wrong passphrase changes nothing. Its markup with
 * nothing waiting is in src/app/shell/unlockScreen.html too (kept equal by a test).
 */
export function UnlockScreen({ onUnlock, waiting, onForgot, typed = '' }: {
  onUnlock: (passphrase: string) => Promise<void>;
  waiting: number;
  onForgot: () => void;
  /** What was typed before this screen was drawn (the service worker's page draws its markup first). */
  typed?: string;
}) {
  const [passphrase, setPassphrase] = useState(typed);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onUnlock(passphrase);
    } catch (failure) {
      setError(failure instanceof CryptoError ? failure.message : 'The app could not be unlocked. Try again.');
      setBusy(false);
    }
  };

  return (
    <main id="main" class="screen screen-narrow vault-screen">
      <ScreenTitle>Unlock</ScreenTitle>
      <p>The app is locked to keep student records private. Enter your passphrase to continue.</p>
      {waiting > 0 && (
        <p class="notice notice-warning">
          {waiting} {waiting === 1 ? 'record is' : 'records are'} waiting to sync. Unlock to sync.
        </p>
      )}
      <form class="stack-form" onSubmit={onSubmit} noValidate>
        <label for="vault-passphrase">Passphrase</label>
        <input id="vault-passphrase" type="password" autoComplete="current-password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        <FormFooter error={error} busy={busy} label="Unlock" busyLabel="Unlocking…" />
      </form>
      <div class="button-row">
        <button type="button" class="button" onClick={onForgot}>
          Forgot the passphrase?
        </button>
      </div>
    </main>
  );
}
