// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultGate } from '../../../../src/app/features/vault/VaultGate';
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

function renderGate() {
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <VaultGate>
        <p>Pupil records</p>
      </VaultGate>
    </AppContext.Provider>,
  );
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
});
