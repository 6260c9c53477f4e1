/** Entry point: open the store (or explain why not), connect the router and the update prompt, render. */
import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { StorageUnavailable } from './shell/StorageUnavailable';
import { SessionGate } from './shell/SessionGate';
import { paths } from './paths';
import { SyncProvider } from './features/session/SyncProvider';
import { openStore } from './db/connection';
import { isQuotaError } from './db/storageErrors';
import { AppContext } from './hooks/context';
import { UpdateContext } from './shell/useUpdatePrompt';
import { createUpdateChannel } from './pwa/updates';
import { createRouter } from './router';
import { holdJournal } from './services/unloadJournal';
import { flushAllDrafts } from './services/pendingSaves';
import { linkTabLocks, TAB_LOCK_CHANNEL } from './crypto/tab-locks';
import { HeldJournalContext } from './features/vault/useVault';
import { lazyScreen } from './components/lazyScreen';
import { VaultGate } from './features/vault/VaultGate';
import './styles/app.css';

// Behind the gates, so the sign-in and unlock screens draw before it is fetched and run.
const loadUnlockedApp = () => import('./UnlockedApp').then((m) => m.UnlockedApp);
const UnlockedApp = lazyScreen(loadUnlockedApp);

async function start(root: HTMLElement): Promise<void> {
  // The students' public page: no sign-in, no advisor's store on a student's device.
  if (window.location.pathname === paths.reEnroll()) {
    const { ReEnrollPage } = await import('./features/students/reenroll/ReEnrollPage');
    render(<ReEnrollPage />, root);
    return;
  }
  const updates = 'serviceWorker' in navigator ? createUpdateChannel(registerSW) : null;
  let store;
  try {
    store = await openStore();
  } catch (error) {
    console.warn('IndexedDB could not be opened', error instanceof Error ? error.name : typeof error);
    render(<StorageUnavailable storageFull={isQuotaError(error)} />, root);
    return;
  }
  // A lock in any tab locks this one too (and activity here keeps the others open).
  if (typeof BroadcastChannel !== 'undefined') {
    linkTabLocks(store.vault, new BroadcastChannel(TAB_LOCK_CHANNEL), { beforeLock: flushAllDrafts, doc: document });
  }
  // Typing that was mid-save when the page last unloaded leaves sessionStorage now and is stored after the unlock.
  const journal = holdJournal(sessionStorage, window);
  render(
    <AppContext.Provider value={{ store, router: createRouter() }}>
      <UpdateContext.Provider value={updates}>
        <HeldJournalContext.Provider value={journal}>
          <SyncProvider>
            <SessionGate>
              <VaultGate>
                <UnlockedApp />
              </VaultGate>
            </SessionGate>
          </SyncProvider>
        </HeldJournalContext.Provider>
      </UpdateContext.Provider>
    </AppContext.Provider>,
    root,
  );
  // A locked tablet fetches the app while the advisor types the passphrase and the key is derived.
  if (store.vault.state().phase === 'locked') afterFirstPaint(() => {
      // Not fatal: the gate fetches it again when the vault opens.
      loadUnlockedApp().catch((error: unknown) => console.warn('The app could not be fetched ahead', error instanceof Error ? error.name : typeof error));
    });
}

/** Runs `task` once the browser has painted what is rendered now. */
function afterFirstPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

const root = document.getElementById('app');
if (root) void start(root);
