import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazyScreen } from '../../components/lazyScreen';
import { SetupPassphraseScreen } from './SetupPassphraseScreen';
import { UnlockScreen } from './UnlockScreen';
import { useVault, useVaultSession } from './useVault';

// Rarely opened, and it brings the backup code: fetched when the advisor says they forgot.
const ForgottenPassphraseScreen = lazyScreen(() => import('./ForgottenPassphraseScreen').then((m) => m.ForgottenPassphraseScreen));

/**
 * Nothing with pupil data renders unless the vault is unlocked: a tablet with no
 * passphrase yet asks for one, a locked one asks for it back (or, when it is
 * forgotten, says what starting again costs). `forgotten`: the advisor said so
 * on the first screen, before the app was loaded (shell/FirstScreen.tsx).
 */
export function VaultGate({ children, forgotten: saidForgotten = false }: { children: ComponentChildren; forgotten?: boolean }) {
  const { state, setup, unlock } = useVault();
  const { ready, waiting } = useVaultSession(state.phase === 'unlocked');
  const [forgotten, setForgotten] = useState(saidForgotten);
  // The next lock starts at the unlock screen again, not at the reset.
  const phase = useRef(state.phase);
  useEffect(() => {
    if (phase.current === state.phase) return;
    phase.current = state.phase;
    setForgotten(false);
  }, [state.phase]);
  if (state.phase === 'new') return <SetupPassphraseScreen onSetup={setup} />;
  if (state.phase === 'locked') {
    if (forgotten) return <ForgottenPassphraseScreen onBack={() => setForgotten(false)} />;
    return <UnlockScreen onUnlock={unlock} waiting={waiting} onForgot={() => setForgotten(true)} />;
  }
  if (!ready) return <p class="muted">Opening records…</p>;
  return <>{children}</>;
}
