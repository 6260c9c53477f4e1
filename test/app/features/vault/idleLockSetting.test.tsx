// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleLockSetting } from '../../../../src/app/features/vault/IdleLockSetting';
import { META } from '../../../../src/app/db/meta';
import { closeStore, openStore, type Store } from '../../../../src/app/db/connection';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { openTestStore, TEST_ITERATIONS } from '../../harness';

const opened: Store[] = [];
afterEach(() => {
  cleanup();
  for (const store of opened.splice(0)) closeStore(store);
});

async function track(store: Promise<Store>): Promise<Store> {
  opened.push(await store);
  return opened[opened.length - 1]!;
}

function renderSetting(store: Store) {
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <IdleLockSetting />
    </AppContext.Provider>,
  );
}

describe('the idle lock setting', () => {
  it('saves the lock time, applies it at once, and the vault starts with it after a reload', async () => {
    const store = await track(openTestStore());
    renderSetting(store);
    expect(screen.getByText('Now: locks after 10 minutes of no use. Unlocking needs the passphrase.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Lock after this many minutes of no use (1 to 240)'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lock time' }));
    await screen.findByText('The app now locks after 45 minutes of no use.');
    expect(store.vault.idleMinutes()).toBe(45);

    const reloaded = await track(openStore(store.db.name, { iterations: TEST_ITERATIONS }));
    expect(reloaded.vault.idleMinutes()).toBe(45);
  });

  it.each(['0', '241', '2.5', ''])('refuses %j minutes and keeps the lock time it had', async (typed) => {
    const store = await track(openTestStore());
    renderSetting(store);
    fireEvent.input(screen.getByLabelText('Lock after this many minutes of no use (1 to 240)'), { target: { value: typed } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lock time' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number of minutes from 1 to 240.');
    expect(store.vault.idleMinutes()).toBe(10);
    expect(await store.db.meta.get(META.idleMinutes)).toBeUndefined();
  });
});
