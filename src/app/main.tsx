/** Entry point: open the store (or explain why not), connect the router and the update prompt, render. */
import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { AdminNavLink } from './admin/AdminNavLink';
import { ADMIN_ROUTES } from './admin/routes';
import { ReEnrollPage } from './components/ReEnrollPage';
import { StorageUnavailable } from './components/StorageUnavailable';
import { SYNC_ROUTES } from './components/sync/routes';
import { SessionGate } from './components/sync/SessionGate';
import { STUDENT_PATHS } from './hooks/students/paths';
import { SyncHeader } from './components/sync/SyncHeader';
import { SyncProvider } from './components/sync/SyncProvider';
import { openStore } from './db/connection';
import { isQuotaError } from './db/storageErrors';
import { AppContext } from './hooks/context';
import { UpdateContext } from './hooks/useUpdatePrompt';
import { createUpdateChannel } from './pwa/updates';
import { createRouter } from './router';
import { holdJournal } from './services/unloadJournal';
import { flushAllDrafts } from './services/pendingSaves';
import { linkTabLocks, TAB_LOCK_CHANNEL } from './crypto/tab-locks';
import { HeldJournalContext, PASSPHRASE_PATH } from './hooks/useVault';
import { ChangePassphraseScreen } from './components/ChangePassphraseScreen';
import { VaultGate } from './components/VaultGate';
import { BackupScreen } from './components/BackupScreen';
import { EvictionBanner } from './components/EvictionBanner';
import { VaultHeader } from './components/VaultHeader';
import { BACKUP_PATH } from './hooks/useBackup';
import './styles/app.css';

async function start(root: HTMLElement): Promise<void> {
  // The students' public page: no sign-in, no advisor's store on a student's device.
  if (window.location.pathname === STUDENT_PATHS.reEnroll()) {
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
                <App
                  header={
                    <>
                      <SyncHeader />
                      <VaultHeader />
                    </>
                  }
                  notice={<EvictionBanner />}
                  nav={<AdminNavLink />}
                  routes={[
                    ...SYNC_ROUTES,
                    ...ADMIN_ROUTES,
                    { pattern: BACKUP_PATH, render: () => <BackupScreen /> },
                    { pattern: PASSPHRASE_PATH, render: () => <ChangePassphraseScreen /> },
                  ]}
                />
              </VaultGate>
            </SessionGate>
          </SyncProvider>
        </HeldJournalContext.Provider>
      </UpdateContext.Provider>
    </AppContext.Provider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
