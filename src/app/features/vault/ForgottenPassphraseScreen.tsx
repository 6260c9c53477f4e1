import { useState } from 'preact/hooks';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useForgottenPassphrase } from './useForgottenPassphrase';
import { download } from '../../services/download';

const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

/**
 * What a forgotten passphrase honestly allows: records the server holds are safe
 * there; records it has not got are readable only with the passphrase, so
 * starting again erases them. Before that, the advisor may save them sealed
 * (openable later with the old passphrase) and must say they understand.
 * Starting again also signs out, so the next person proves who they are.
 */
export function ForgottenPassphraseScreen({ onBack }: { onBack: () => void }) {
  const { counts, saveSealedCopy, startAgain } = useForgottenPassphrase();
  const [understood, setUnderstood] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (counts.status === 'loading') return <p class="muted">Counting records…</p>;
  // Without the count nobody can be told what would be lost: offer nothing that erases.
  if (counts.status === 'error') {
    return (
      <main id="main" class="screen screen-narrow vault-screen">
        <ScreenTitle>Forgotten passphrase</ScreenTitle>
        <p class="notice notice-error" role="alert">
          The records on this tablet could not be counted, so nothing will be erased. Reload the app and try again.
        </p>
        <button type="button" class="button" onClick={onBack}>
          Back to unlock
        </button>
      </main>
    );
  }
  const { unsynced, synced } = counts.data;

  const run = async (action: () => Promise<void>, failure: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      console.warn('Forgotten-passphrase action failed', caught instanceof Error ? caught.name : typeof caught);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const onSave = () =>
    run(async () => {
      const copy = await saveSealedCopy();
      download(copy.file);
      setSaved(`Saved ${records(copy.records)} to ${copy.file.name}.`);
    }, 'The sealed copy could not be saved. Nothing was erased.');
  const onStartAgain = () => {
    // Checked here too, not only by the disabled button: unsynced records go only with the advisor's say-so.
    if (unsynced > 0 && !understood) return;
    void run(startAgain, 'This tablet could not be reset. Nothing was erased; try again.');
  };

  return (
    <main id="main" class="screen screen-narrow vault-screen">
      <ScreenTitle>Forgotten passphrase</ScreenTitle>
      <p>Nobody can recover the passphrase: not your center and not the server. It is the only key to the records on this tablet.</p>
      <p>
        {synced > 0 ? `${records(synced)} already reached the server and are safe there. ` : ''}
        After starting again you sign in with your email and password (this needs a connection) and choose a new passphrase; the students the
        server holds come back in the Students list.
      </p>
      {unsynced > 0 ? (
        <>
          <p class="notice notice-warning">
            {records(unsynced)} on this tablet never reached the server (drafts, and records waiting to sync). Without the passphrase they cannot be
            read, and starting again erases them for good.
          </p>
          <section class="stack-form" aria-labelledby="sealed-copy-title">
            <h2 id="sealed-copy-title">First, save a sealed copy</h2>
            <p class="hint">
              The copy stays locked with the forgotten passphrase. If you remember it later, import the copy on the Backup screen, on this tablet or
              another, to get these records back.
            </p>
            {saved && (
              <p class="notice" role="status">
                {saved}
              </p>
            )}
            <div>
              <button type="button" class="button" onClick={onSave} disabled={busy}>
                Save a sealed copy
              </button>
            </div>
          </section>
          <label class="check" for="reset-understood">
            <input id="reset-understood" type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />I understand
            that {records(unsynced)} not on the server will be erased from this tablet.
          </label>
        </>
      ) : (
        <p class="notice">Every record on this tablet has reached the server: starting again loses none of them.</p>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={onStartAgain} disabled={busy || (unsynced > 0 && !understood)}>
          Erase and start again
        </button>
        <button type="button" class="button" onClick={onBack} disabled={busy}>
          Back to unlock
        </button>
      </div>
    </main>
  );
}
