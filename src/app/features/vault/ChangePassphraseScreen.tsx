import { useState } from 'preact/hooks';
import { AlertList } from '../../components/AlertList';
import { ScreenTitle } from '../../components/ScreenTitle';
import { CryptoError } from '../../crypto/errors';
import { newPassphraseMessages } from '../../crypto/passphrase';
import { useVault } from './useVault';

type Outcome = { kind: 'ok' } | { kind: 'error'; messages: string[] } | null;

/** Why the typed passphrases cannot be used; empty when they can be tried. */
function problemsWith(current: string, next: string, repeat: string): string[] {
  if (current === '') return ['Enter your current passphrase.'];
  const found = newPassphraseMessages(next, repeat);
  if (found.length === 0 && next === current) found.push('The new passphrase is the same as the current one.');
  return found;
}

/**
 * Changing the tablet's passphrase: needs the current one. Only the data key is
 * re-encrypted, so records, open tabs and queued sync are untouched.
 */
export function ChangePassphraseScreen() {
  const { changePassphrase } = useVault();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const problems = problemsWith(current, next, repeat);
    if (problems.length > 0) {
      setOutcome({ kind: 'error', messages: problems });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setOutcome({ kind: 'ok' });
    } catch (error) {
      setOutcome({ kind: 'error', messages: [error instanceof CryptoError ? error.message : 'The passphrase could not be changed; the old one still works. Try again.'] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen screen-narrow" aria-labelledby="screen-title">
      <ScreenTitle>Change passphrase</ScreenTitle>
      <p>The new passphrase unlocks the same records. Backup files keep the passphrase typed for each file.</p>
      <form class="stack-form" onSubmit={onSubmit} noValidate>
        <label for="passphrase-current">Current passphrase</label>
        <input id="passphrase-current" type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        <label for="passphrase-new">New passphrase</label>
        <input id="passphrase-new" type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        <p class="hint">At least 12 characters: a few words you will remember work well.</p>
        <label for="passphrase-repeat">Repeat new passphrase</label>
        <input id="passphrase-repeat" type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
        {outcome?.kind === 'error' && <AlertList messages={outcome.messages} />}
        {outcome?.kind === 'ok' && (
          <p class="notice" role="status">
            Passphrase changed. Use the new one from now on, in every window.
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </form>
    </section>
  );
}
