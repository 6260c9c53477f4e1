// @vitest-environment jsdom
/**
 * The first screen (shell/FirstScreen.tsx) is drawn before the app is loaded and
 * hands over to it: the unlock screen opens the real vault through the app, a
 * wrong passphrase changes nothing, and "Forgot the passphrase?" lands on the
 * reset in the app's own vault gate; the service worker's page draws the same
 * unlock screen before any script, and the first chunk's is drawn over it. On a first visit, index.html has drawn the
 * sign-in form before any script: the first chunk's form is the same markup,
 * drawn over it without losing what was typed.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render as renderInto, type VNode } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FirstSignIn, FirstUnlock, passphraseTypedBeforeStart, typedBeforeStart, type AppHandle } from '../../../src/app/shell/FirstScreen';
import type { Credentials } from '../../../src/app/sync/session';
import { appContent, unlockScreenMarkup } from '../../../scripts/first-screen';
import { VaultGate } from '../../../src/app/features/vault/VaultGate';
import { closeStore, openStore, type Store } from '../../../src/app/db/connection';
import { AppContext } from '../../../src/app/hooks/context';
import { createRouter } from '../../../src/app/router';
import { createApiClient } from '../../../src/app/sync/api';
import { SyncContext } from '../../../src/app/sync/context';
import { SyncEngine } from '../../../src/app/sync/engine';
import { TEST_ITERATIONS, testDbName } from '../harness';

const PASSPHRASE = 'orange kite under bridge';
let store: Store;
beforeEach(async () => {
  store = await openStore(testDbName(), { iterations: TEST_ITERATIONS });
  await store.vault.setup(PASSPHRASE);
  store.vault.lock();
});
afterEach(() => {
  cleanup();
  closeStore(store);
});

/** The app as startApp.tsx hands it to the first screen, drawn into `root` over the test's store, offline. */
function appOver(root: HTMLElement): AppHandle {
  const api = createApiClient({ baseUrl: 'http://offline.invalid', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
  const engine = new SyncEngine({ db: store.db, api, locks: null, events: null });
  return {
    unlock: (passphrase) => store.vault.unlock(passphrase),
    signIn: () => Promise.resolve(null),
    show: ({ forgottenPassphrase = false } = {}) => {
      render(
        <AppContext.Provider value={{ store, router: createRouter(window) }}>
          <SyncContext.Provider value={{ api, engine }}>
            <VaultGate forgotten={forgottenPassphrase}>
              <p>Pupil records</p>
            </VaultGate>
          </SyncContext.Provider>
        </AppContext.Provider>,
        { container: root },
      );
    },
  };
}

/** The markup `screen` renders into an element of its own (what a page must carry to be drawn over without a change). */
function markupOf(screen: VNode): string {
  const root = document.body.appendChild(document.createElement('div'));
  renderInto(screen, root);
  const markup = root.innerHTML;
  renderInto(null, root);
  root.remove();
  return markup;
}

function renderFirstUnlock(waiting = 0) {
  const root = document.body.appendChild(document.createElement('div'));
  const handle = appOver(root);
  render(<FirstUnlock waiting={waiting} load={() => Promise.resolve(handle)} />, { container: root });
}

const typePassphrase = (value: string) => fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value } });

describe('the first screen of a locked tablet', () => {
  it('takes the passphrase before the app is there, refuses a wrong one, and opens the app with the right one', async () => {
    renderFirstUnlock(2);
    expect(screen.getByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText(/2 records are waiting to sync/)).toBeTruthy();

    typePassphrase('not the passphrase at all');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/passphrase is not right/);
    expect(store.vault.state().phase).toBe('locked');
    expect(screen.queryByText('Pupil records')).toBeNull();

    typePassphrase(PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Pupil records');
    expect(store.vault.isUnlocked()).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Unlock' })).toBeNull();
  });

  it('opens the app at the forgotten-passphrase screen when the advisor says so, and back leads to unlock', async () => {
    renderFirstUnlock();
    fireEvent.click(screen.getByRole('button', { name: 'Forgot the passphrase?' }));
    await screen.findByRole('heading', { name: 'Forgotten passphrase' });
    fireEvent.click(screen.getByRole('button', { name: 'Back to unlock' }));
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(store.vault.state().phase).toBe('locked');
  });

  it('is the very screen unlock.html, the service worker\'s page, draws before any script runs', () => {
    expect(unlockScreenMarkup()).toBe(markupOf(<FirstUnlock waiting={0} load={() => Promise.resolve(null)} />));
  });

  it("drawn over unlock.html's screen, keeps its nodes, the passphrase typed and the field, tells what waits, and unlocks with it", async () => {
    const root = document.body.appendChild(document.createElement('div'));
    root.innerHTML = unlockScreenMarkup();
    const title = root.querySelector('h1');
    const field = root.querySelector<HTMLInputElement>('#vault-passphrase')!;
    field.value = PASSPHRASE;
    field.focus();

    const handle = appOver(root);
    renderInto(<FirstUnlock waiting={3} load={() => Promise.resolve(handle)} typed={passphraseTypedBeforeStart(root)} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(root.querySelector('h1')).toBe(title);
    expect(root.querySelector('#vault-passphrase')).toBe(field);
    expect(field.value).toBe(PASSPHRASE);
    expect(document.activeElement).toBe(field);
    expect(screen.getByText(/3 records are waiting to sync/)).toBeTruthy();
    fireEvent.submit(root.querySelector('form')!);
    await screen.findByText('Pupil records');
    expect(store.vault.isUnlocked()).toBe(true);
    renderInto(null, root);
    root.remove();
  });
});

/** What index.html holds in #app: the sign-in form a first visit shows before any script runs. */
function indexHtmlFirstScreen(): string {
  // The project root: vitest runs there (jsdom's URL cannot name a file).
  return appContent(readFileSync(path.join(process.cwd(), 'index.html'), 'utf8'));
}

describe('the first screen of a first visit', () => {
  const noApp = () => Promise.resolve(null);

  it('is the very form index.html draws before any script runs', () => {
    expect(indexHtmlFirstScreen()).toBe(markupOf(<FirstSignIn load={noApp} />));
  });

  it("drawn over index.html's form, keeps its nodes, what was typed and the field being typed in, and signs in with it", async () => {
    const root = document.body.appendChild(document.createElement('div'));
    root.innerHTML = indexHtmlFirstScreen();
    const title = root.querySelector('h1');
    const field = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
    field('sign-in-email').value = 'advisor@mesa.example';
    field('sign-in-password').value = 'typed before the app';
    field('sign-in-password').focus();

    let sent: Credentials | null = null;
    const handle: AppHandle = {
      unlock: () => Promise.resolve(),
      signIn: (credentials) => {
        sent = credentials;
        return Promise.resolve(null);
      },
      show: () => undefined,
    };
    renderInto(<FirstSignIn load={() => Promise.resolve(handle)} typed={typedBeforeStart(root)} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(root.querySelector('h1')).toBe(title);
    expect(field('sign-in-email').value).toBe('advisor@mesa.example');
    expect(field('sign-in-password').value).toBe('typed before the app');
    expect(document.activeElement).toBe(field('sign-in-password'));
    fireEvent.submit(root.querySelector('form')!);
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual({ email: 'advisor@mesa.example', password: 'typed before the app', deviceName: '' });
    renderInto(null, root);
    root.remove();
  });
});
