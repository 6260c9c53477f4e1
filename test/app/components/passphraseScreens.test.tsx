// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { ComponentChildren } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/app/backup/store';
import { ChangePassphraseScreen } from '../../../src/app/components/ChangePassphraseScreen';
import { VaultGate } from '../../../src/app/components/VaultGate';
import { sealedRows } from '../../../src/app/crypto/row-codec';
import { confirmApplications, getApplication } from '../../../src/app/db/applications';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { AppContext } from '../../../src/app/hooks/context';
import { createRouter } from '../../../src/app/router';
import { createApiClient } from '../../../src/app/sync/api';
import { SyncContext } from '../../../src/app/sync/context';
import { SyncEngine } from '../../../src/app/sync/engine';
import { META, readSession } from '../../../src/app/sync/meta';
import { seriousViolations } from '../axe';
import { changeRecord, completeFields, openTestStore, seedRecord, TEST_PASSPHRASE } from '../harness';

const NEW_PASSPHRASE = 'violet harbor seven lamps';
let store: Store;
/** The files the app handed to the browser's download (jsdom has no object URLs of its own). */
let downloads: Blob[];

beforeEach(async () => {
  store = await openTestStore();
  downloads = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    downloads.push(blob as Blob);
    return `blob:download-${downloads.length}`;
  };
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  closeStore(store);
});

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** The app around a screen: store and router, and sync services whose network is cut (the tablet is offline). */
function renderInApp(children: ComponentChildren) {
  const api = createApiClient({ baseUrl: 'http://offline.invalid', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
  const engine = new SyncEngine({ db: store.db, api, locks: null, events: null });
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <SyncContext.Provider value={{ api, engine }}>{children}</SyncContext.Provider>
    </AppContext.Provider>,
  );
}

describe('changing the passphrase', () => {
  it('needs the current passphrase and a sound new one, then unlocks the same records with the new one only', async () => {
    const draft = await seedRecord(store, null, completeFields({ firstName: 'Itzel' }));
    renderInApp(<ChangePassphraseScreen />);

    type('Current passphrase', 'not the passphrase at all');
    type('New passphrase', NEW_PASSPHRASE);
    expect(await seriousViolations()).toEqual([]);
    type('Repeat new passphrase', NEW_PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);

    type('Current passphrase', TEST_PASSPHRASE);
    type('New passphrase', 'short');
    type('Repeat new passphrase', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least 12 characters/);

    type('New passphrase', NEW_PASSPHRASE);
    type('Repeat new passphrase', `${NEW_PASSPHRASE}!`);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the same/);

    expect(await seriousViolations()).toEqual([]);
    type('Repeat new passphrase', NEW_PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Passphrase changed/);
    expect(store.vault.isUnlocked()).toBe(true);

    store.vault.lock();
    await expect(store.vault.unlock(TEST_PASSPHRASE)).rejects.toThrow(/not right/);
    await store.vault.unlock(NEW_PASSPHRASE);
    expect((await getApplication(store.db, draft.id))?.fields.firstName).toBe('Itzel');
  });
});

describe('a forgotten passphrase', () => {
  /** Two records the server never got (a draft and a queued one) and one it holds; a signed-in session. */
  async function seedTablet() {
    const draft = await seedRecord(store, null, completeFields({ firstName: 'Ana', ssid: '2047118365' }));
    const queued = await seedRecord(store, null, completeFields({ firstName: 'Luis', ssid: '3158229476' }));
    const synced = await seedRecord(store, null, completeFields({ firstName: 'Mei', ssid: '4269330587' }));
    await confirmApplications(store, [queued.id]);
    await changeRecord(store, synced.id, { status: 'synced' });
    const user = { id: 'u1', email: 'advisor@example.org', name: 'Advisor', role: 'advisor', centerId: 'c1' };
    await store.db.meta.put({ key: META.session, value: { token: 'token-before-reset', expiresAt: '2030-01-01T00:00:00.000Z', user, expired: false } });
    return { draft, queued };
  }

  async function openForgottenScreen() {
    store.vault.lock();
    renderInApp(
      <VaultGate>
        <p>Pupil records</p>
      </VaultGate>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot the passphrase?' }));
    await screen.findByRole('heading', { name: 'Forgotten passphrase' });
  }

  it('says what is lost before anything is erased, and erases nothing until the advisor says they understand', async () => {
    await seedTablet();
    await openForgottenScreen();
    expect(await seriousViolations()).toEqual([]);
    expect(screen.getByText(/2 records on this tablet never reached the server/)).toBeTruthy();
    expect(screen.getByText(/1 record already reached the server/)).toBeTruthy();
    const erase = screen.getByRole('button', { name: 'Erase and start again' }) as HTMLButtonElement;
    expect(erase.disabled).toBe(true);
    fireEvent.click(erase);
    expect(await store.db.applications.count()).toBe(3);

    fireEvent.click(screen.getByRole('button', { name: 'Back to unlock' }));
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(await store.db.applications.count()).toBe(3);
    expect(await store.db.outbox.count()).toBe(1);
    expect(await readSession(store.db)).not.toBeNull();
    expect(store.vault.state()).toMatchObject({ phase: 'locked' });
  });

  it('saves a sealed copy that brings the unsynced records back with the old passphrase after the reset', async () => {
    const { draft, queued } = await seedTablet();
    await openForgottenScreen();

    fireEvent.click(screen.getByRole('button', { name: 'Save a sealed copy' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Saved 2 records to mesa-sealed-copy-/);
    expect(downloads).toHaveLength(1);
    const copy = await downloads[0]!.text();
    // The copy is as unreadable as the tablet: no name or SSID appears in it.
    for (const secret of ['Ana', 'Luis', '2047118365', '3158229476']) expect(copy).not.toContain(secret);

    fireEvent.click(screen.getByLabelText(/I understand that 2 records not on the server will be erased/));
    fireEvent.click(screen.getByRole('button', { name: 'Erase and start again' }));
    await waitFor(() => expect(store.vault.state()).toEqual({ phase: 'new' }));
    expect(await store.db.applications.count()).toBe(0);
    expect(await store.db.outbox.count()).toBe(0);
    // Signed out, with the token remembered for revocation: whoever reset must sign in with the account's password.
    expect(await readSession(store.db)).toBeNull();
    expect((await store.db.meta.get(META.revocations))?.value).toEqual(['token-before-reset']);

    // Later the advisor remembers the old passphrase: the copy imports onto the new vault.
    await store.vault.setup(NEW_PASSPHRASE);
    await expect(importBackup(store.db, copy, 'a wrong guess at it', sealedRows(store.vault.key()))).rejects.toThrow(/not right/);
    const report = await importBackup(store.db, copy, TEST_PASSPHRASE, sealedRows(store.vault.key()));
    expect(report).toMatchObject({ added: 2, queued: 1 });
    expect((await getApplication(store.db, draft.id))?.fields.firstName).toBe('Ana');
    expect((await getApplication(store.db, queued.id))?.status).toBe('queued');
  });

  it('lets a tablet whose every record reached the server start again at once', async () => {
    const record = await seedRecord(store, null, completeFields());
    await changeRecord(store, record.id, { status: 'synced' });
    await openForgottenScreen();
    expect(screen.getByText(/starting again loses none of them/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save a sealed copy' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Erase and start again' }));
    await waitFor(() => expect(store.vault.state()).toEqual({ phase: 'new' }));
  });
});
