import type { ComponentChildren } from 'preact';
import { SetupPassphraseScreen } from './SetupPassphraseScreen';
import { UnlockScreen } from './UnlockScreen';
import { useVault, useVaultSession } from '../hooks/useVault';

/**
 * Nothing with pupil data renders unless the vault is unlocked: a tablet with no
 * passphrase yet asks for one, a locked one asks for it back.
 */
export function VaultGate({ children }: { children: ComponentChildren }) {
  const { state, setup, unlock } = useVault();
  const { ready, waiting } = useVaultSession(state.phase === 'unlocked');
  if (state.phase === 'new') return <SetupPassphraseScreen onSetup={setup} />;
  if (state.phase === 'locked') return <UnlockScreen onUnlock={unlock} waiting={waiting} />;
  if (!ready) return <p class="muted">Opening records…</p>;
  return <>{children}</>;
}
