/**
 * The whole app, loaded behind the first screen (main.tsx): opens the store (or
 * explains why not), links the tab locks, the update prompt and the sync
 * services, and draws the session and vault gates in place of the first screen.
 */
import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { StorageUnavailable } from './shell/StorageUnavailable';
import { SessionGate } from './shell/SessionGate';
import type { AppHandle } from './shell/FirstScreen';
import { SyncProvider } from './features/session/SyncProvider';
import { openStore } from './db/connection';
import { isQuotaError } from './db/storageErrors';
import { AppContext } from './hooks/context';
import { SessionAtStartContext } from './hooks/useSession';
import { readSession, type StoredSession } from './db/meta';
import { UpdateContext } from './shell/useUpdatePrompt';
import { createUpdateChannel } from './pwa/updates';
import { createRouter } from './router';
import { holdJournal } from './services/unloadJournal';
import { flushAllDrafts } from './services/pendingSaves';
import { linkTabLocks, TAB_LOCK_CHANNEL } from './crypto/tab-locks';
import { HeldJournalContext } from './features/vault/useVault';
import { lazyScreen } from './components/lazyScreen';
import { VaultGate } from './features/vault/VaultGate';
import { createSyncServices, signInAndSync } from './sync/context';
import { describeSignInError } from './sync/messages';
import { afterFirstPaint } from './shell/afterFirstPaint';
import { dropReadsAhead } from './services/readAhead';

// Behind the gates, so the sign-in and unlock screens draw before it is fetched and run.
const loadUnlockedModule = () => import('./UnlockedApp');
const UnlockedApp = lazyScreen(() => loadUnlockedModule().then((m) => m.UnlockedApp));

/** The longest the unlock screen waits for the first screen's read before the app is drawn anyway. */
const READ_AHEAD_AT_MOST_MS = 1000;

/** The app over its open store, ready to be drawn into `root`; null when storage could not be opened (that is drawn instead). */
export async function startApp(root: HTMLElement): Promise<AppHandle | null> {
  const updates = 'serviceWorker' in navigator ? createUpdateChannel(registerSW) : null;
  let store;
  try {
    store = await openStore();
  } catch (error) {
    console.warn('IndexedDB could not be opened', error instanceof Error ? error.name : typeof error);
    render(<StorageUnavailable storageFull={isQuotaError(error)} />, root);
    return null;
  }
  const opened = store;
  // A lock in any tab locks this one too (and activity here keeps the others open).
  if (typeof BroadcastChannel !== 'undefined') {
    linkTabLocks(opened.vault, new BroadcastChannel(TAB_LOCK_CHANNEL), { beforeLock: flushAllDrafts, doc: document });
  }
  // Typing that was mid-save when the page last unloaded leaves sessionStorage now and is stored after the unlock.
  const journal = holdJournal(sessionStorage, window);
  const router = createRouter();
  const sync = createSyncServices(opened, '');
  // Read while the advisor types the passphrase: the render after the unlock starts from it (hooks/useSession.ts).
  // None found means a sign-in comes before the app is shown, and the session it makes is read live.
  let sessionAtStart: StoredSession | undefined;
  readSession(opened.db).then((session) => {
    sessionAtStart = session ?? undefined;
  }, () => undefined);
  // A locked tablet fetches the app and the after-unlock work while the advisor types the passphrase and the key is derived.
  if (opened.vault.state().phase === 'locked') afterFirstPaint(() => {
    // Not fatal: the gates fetch them again when the vault opens.
    Promise.all([UnlockedApp.preload(), import('./services/afterUnlock')])
      .catch((error: unknown) => console.warn('The app could not be fetched ahead', error instanceof Error ? error.name : typeof error));
  });
  return {
    async unlock(passphrase) {
      await opened.vault.unlock(passphrase);
      // Typing held from the last unload is stored before any screen reads (useVaultSession): nothing is read ahead of it.
      if (journal.count() > 0) return;
      // The screen's first read, while "Unlocking…" still shows: the app is then drawn once, with its data (services/readAhead.ts).
      // Loaded through the lazy screen, so the render after the unlock draws the app at once, not "Loading…" first.
      const readFirst = UnlockedApp.preload().then(loadUnlockedModule).then((m) => m.readScreenAhead(opened, router.current().path));
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([readFirst.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, READ_AHEAD_AT_MOST_MS)))]);
      clearTimeout(timer);
    },
    async signIn(credentials) {
      try {
        await signInAndSync(opened, sync, credentials);
        return null;
      } catch (failure) {
        return describeSignInError(failure, navigator.onLine);
      }
    },
    show({ forgottenPassphrase = false } = {}) {
      render(
        <AppContext.Provider value={{ store: opened, router }}>
          <UpdateContext.Provider value={updates}>
            <HeldJournalContext.Provider value={journal}>
              <SyncProvider made={sync}>
                <SessionAtStartContext.Provider value={sessionAtStart}>
                  <SessionGate>
                    <VaultGate forgotten={forgottenPassphrase}>
                      <UnlockedApp />
                    </VaultGate>
                  </SessionGate>
                </SessionAtStartContext.Provider>
              </SyncProvider>
            </HeldJournalContext.Provider>
          </UpdateContext.Provider>
        </AppContext.Provider>,
        root,
      );
      // The render above took what was read ahead for it; nothing later may start from it.
      dropReadsAhead();
    },
  };
}
