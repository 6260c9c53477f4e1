// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultGate } from '../../../../src/app/features/vault/VaultGate';
import { HeldJournalContext } from '../../../../src/app/features/vault/useVault';
import type { HeldJournal } from '../../../../src/app/services/unloadJournal';
import { FORGOTTEN_PASSPHRASE_NOTICE } from '../../../../src/app/crypto/vault';
import { closeStore, openStore, type Store } from '../../../../src/app/db/connection';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { TEST_ITERATIONS, testDbName } from '../../harness';

const PASSPHRASE = 'orange kite under bridge';
let store: Store;
beforeEach(async () => {
  store = await openStore(testDbName(), { iterations: TEST_ITERATIONS });
});
afterEach(() => {
  cleanup();
  closeStore(store);
});

function renderGate(journal: HeldJournal | null = null) {
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <HeldJournalContext.Provider value={journal}>
        <VaultGate>
          <p>Pupil records</p>
        </VaultGate>
      </HeldJournalContext.Provider>
    </AppContext.Provider>,
  );
}

/** Every piece of text the page was given while `run` went on, including text replaced since. */
async function textsShownDuring(run: () => Promise<void>): Promise<string> {
  const shown: string[] = [];
  const observer = new MutationObserver((batches) => {
    for (const batch of batches) for (const node of batch.addedNodes) shown.push(node.textContent ?? '');
  });
  observer.observe(document.body, { childList: true, subtree: true });
  await run();
  observer.disconnect();
  return shown.join('\n');
}

/** Typing held from the last unload, whose storing the test lets finish. */
function heldTyping(): HeldJournal & { finish: () => void; released: () => boolean } {
  let held = 1;
  let finish = () => {};
  const stored = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    count: () => held,
    async release() {
      await stored;
      held = 0;
      return 1;
    },
    dispose() {},
    finish: () => finish(),
    released: () => held === 0,
  };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the app lock', () => {
  it('asks a new tablet for a passphrase, saying what forgetting it costs, and refuses a weak or mistyped one', async () => {
    renderGate();
    expect(screen.getByRole('heading', { name: 'Set a passphrase' })).toBeTruthy();
    expect(screen.getByText(FORGOTTEN_PASSPHRASE_NOTICE)).toBeTruthy();
    expect(screen.queryByText('Pupil records')).toBeNull();

    type('Passphrase', '12345');
    type('Repeat passphrase', '12345');
    fireEvent.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least 12 characters/);

    type('Passphrase', PASSPHRASE);
    type('Repeat passphrase', `${PASSPHRASE}s`);
    fireEvent.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the same/);

    type('Repeat passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Save passphrase' }));
    await screen.findByText('Pupil records');
  });

  it('shows nothing but the unlock screen while locked; a wrong passphrase is a clear error and the right one opens', async () => {
    await store.vault.setup(PASSPHRASE);
    store.vault.lock();
    renderGate();
    expect(screen.getByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(screen.queryByText('Pupil records')).toBeNull();

    type('Passphrase', 'definitely not it');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);

    type('Passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Pupil records');

    store.vault.lock();
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(screen.queryByText('Pupil records')).toBeNull();
  });

  it('opens straight onto the screens when no typing is held: sealing rows still plain goes on beside them', async () => {
    await store.vault.setup(PASSPHRASE);
    store.vault.lock();
    renderGate();
    type('Passphrase', PASSPHRASE);
    const shown = await textsShownDuring(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
      await screen.findByText('Pupil records');
    });
    expect(shown).not.toContain('Opening records');
  });

  it('keeps the screens back until typing held from the last unload is stored', async () => {
    await store.vault.setup(PASSPHRASE);
    store.vault.lock();
    const journal = heldTyping();
    renderGate(journal);
    type('Passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Opening records…');
    expect(screen.queryByText('Pupil records')).toBeNull();

    journal.finish();
    await screen.findByText('Pupil records');
    expect(journal.released()).toBe(true);
  });
});
