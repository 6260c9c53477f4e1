import { useState } from 'preact/hooks';
import { idleMinutesSchema } from '../../crypto/vault-state';
import { useIdleLock } from './useIdleLock';

type Outcome = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | null;

const minutesText = (minutes: number) => `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;

/** "Lock after N minutes of no use": a shared tablet left on a desk locks itself. */
export function IdleLockSetting() {
  const { minutes, save } = useIdleLock();
  const [typed, setTyped] = useState(String(minutes));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const onSave = async (event: Event) => {
    event.preventDefault();
    const parsed = idleMinutesSchema.safeParse(typed.trim() === '' ? Number.NaN : Number(typed));
    if (!parsed.success) {
      setOutcome({ kind: 'error', message: 'Enter a whole number of minutes from 1 to 240.' });
      return;
    }
    setBusy(true);
    try {
      await save(parsed.data);
      setOutcome({ kind: 'ok', message: `The app now locks after ${minutesText(parsed.data)} of no use.` });
    } catch {
      setOutcome({ kind: 'error', message: 'The setting could not be saved; the lock time is unchanged. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack-form" onSubmit={onSave} noValidate>
      <h2>App lock</h2>
      <p class="hint">Now: locks after {minutesText(minutes)} of no use. Unlocking needs the passphrase.</p>
      <label for="idle-lock-minutes">Lock after this many minutes of no use (1 to 240)</label>
      <input id="idle-lock-minutes" type="number" inputMode="numeric" min={1} max={240} step={1} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      {outcome && (
        <p class={outcome.kind === 'ok' ? 'notice' : 'notice notice-error'} role={outcome.kind === 'ok' ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        Save lock time
      </button>
    </form>
  );
}
