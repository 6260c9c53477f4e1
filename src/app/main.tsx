/** Entry point: open the store (or explain why not), connect the router and the update prompt, render. */
import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { ReEnrollPage } from './components/ReEnrollPage';
import { StorageUnavailable } from './components/StorageUnavailable';
import { SYNC_ROUTES } from './components/sync/routes';
import { SessionGate } from './components/sync/SessionGate';
import { STUDENT_PATHS } from './hooks/students/paths';
import { SyncHeader } from './components/sync/SyncHeader';
import { SyncProvider } from './components/sync/SyncProvider';
import { saveDraft } from './db/applications';
import { openStore } from './db/connection';
import { isQuotaError } from './db/storageErrors';
import { AppContext } from './hooks/context';
import { UpdateContext } from './hooks/useUpdatePrompt';
import { createUpdateChannel } from './pwa/updates';
import { createRouter } from './router';
import { recoverJournal } from './services/unloadJournal';
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
  const opened = store;
  // Typing that was mid-save when the page last unloaded is stored before any screen reads it.
  await recoverJournal(sessionStorage, (draft) => saveDraft(opened.db, draft)).catch((error: unknown) => {
    console.warn('Unsaved typing could not be recovered yet', error instanceof Error ? error.name : typeof error);
  });
  render(
    <AppContext.Provider value={{ store, router: createRouter() }}>
      <UpdateContext.Provider value={updates}>
        <SyncProvider>
          <SessionGate>
            <App header={<SyncHeader />} routes={SYNC_ROUTES} />
          </SessionGate>
        </SyncProvider>
      </UpdateContext.Provider>
    </AppContext.Provider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
