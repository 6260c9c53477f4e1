import { useState } from 'preact/hooks';
import { useVault } from './useVault';
import { flushAllDrafts } from '../../services/pendingSaves';

/** "Lock now" in the top bar: stores what is being typed, then drops the key. */
export function LockButton() {
  const { lock } = useVault();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    // The key is still needed to seal pending typing; a failed save keeps the form open instead of losing it.
    flushAllDrafts()
      .then((saved) => {
        if (saved) lock();
        else setBusy(false);
      })
      .catch((error: unknown) => {
        console.warn('Could not store typing before locking', error instanceof Error ? error.name : typeof error);
        setBusy(false);
      });
  };
  return (
    <button type="button" class="button" onClick={onClick} disabled={busy}>
      Lock now
    </button>
  );
}
