import { useState } from 'preact/hooks';
import { FormFooter } from '../../components/FormFooter';
import { ScreenTitle } from '../../components/ScreenTitle';
import { newPassphraseMessages } from '../../crypto/passphrase';
import { FORGOTTEN_PASSPHRASE_NOTICE } from '../../crypto/vault';

/**
 * First use on this tablet: the advisor chooses the passphrase that encrypts
 * pupil records here. What a forgotten passphrase costs is said before they choose.
 */
export function SetupPassphraseScreen({ onSetup }: { onSetup: (passphrase: string) => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = newPassphraseMessages(passphrase, repeat);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await onSetup(passphrase);
    } catch (error) {
      setProblems([error instanceof Error ? error.message : 'The passphrase could not be saved. Try again.']);
      setBusy(false);
    }
  };

  return (
    <main id="main" class="screen screen-narrow vault-screen">
      <ScreenTitle>Set a passphrase</ScreenTitle>
      <p>Student records on this tablet are encrypted with a passphrase only you know. You will type it to unlock the app.</p>
      <p class="notice notice-warning">{FORGOTTEN_PASSPHRASE_NOTICE}</p>
      <form class="stack-form" onSubmit={onSubmit} noValidate>
        <label for="vault-new">Passphrase</label>
        <input id="vault-new" type="password" autoComplete="new-password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        <p class="hint">At least 12 characters: a few words you will remember work well.</p>
        <label for="vault-repeat">Repeat passphrase</label>
        <input id="vault-repeat" type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
        <FormFooter error={problems} busy={busy} label="Save passphrase" busyLabel="Saving…" />
      </form>
    </main>
  );
}
