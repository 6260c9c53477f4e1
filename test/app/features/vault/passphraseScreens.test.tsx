// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { ComponentChildren } from 'preact';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../../src/app/backup/store';
import { ChangePassphraseScreen } from '../../../../src/app/features/vault/ChangePassphraseScreen';
import { VaultGate } from '../../../../src/app/features/vault/VaultGate';
import { sealedRows } from '../../../../src/app/db/rowCodec';
import { confirmApplications, getApplication } from '../../../../src/app/db/applications';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { createApiClient } from '../../../../src/app/sync/api';
import { SyncContext } from '../../../../src/app/sync/context';
import { SyncEngine } from '../../../../src/app/sync/engine';
import { META, readSession } from '../../../../src/app/db/meta';
import { seriousViolations } from '../../axe';
import { changeRecord, completeFields, screenStorePerTest, seedRecord, TEST_PASSPHRASE, typeInto } from '../../harness';

const NEW_PASSPHRASE = 'violet harbor seven lamps';
const current = screenStorePerTest();
/** The files the app handed to the browser's download (jsdom has no object URLs of its own). */
let downloads: Blob[];

beforeEach(() => {
  downloads = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    downloads.push(blob as Blob);
    return `blob:download-${downloads.length}`;
  };
  URL.revokeObjectURL = () => undefined;
});

/** The app around a screen: store and router, and sync services whose network is cut (the tablet is offline). */
function renderInApp(children: ComponentChildren) {
  const api = createApiClient({ baseUrl: 'http://offline.invalid', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
  const engine = new SyncEngine({ db: current().db, api, locks: null, events: null });
  return render(
    <AppContext.Provider value={{ store: current(), router: createRouter(window) }}>
      <SyncContext.Provider value={{ api, engine }}>{children}</SyncContext.Provider>
    </AppContext.Provider>,
  );
}

describe('changing the passphrase', () => {
  it('needs the current passphrase and a sound new one, then unlocks the same records with the new one only', async () => {
    const draft = await seedRecord(current(), null, completeFields({ firstName: 'Itzel' }));
    renderInApp(<ChangePassphraseScreen />);

    typeInto('Current passphrase', 'not the passphrase at all');
    typeInto('New passphrase', NEW_PASSPHRASE);
    expect(await seriousViolations()).toEqual([]);
    typeInto('Repeat new passphrase', NEW_PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);

    typeInto('Current passphrase', TEST_PASSPHRASE);
    typeInto('New passphrase', 'short');
    typeInto('Repeat new passphrase', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least 12 characters/);

    typeInto('New passphrase', NEW_PASSPHRASE);
    typeInto('Repeat new passphrase', `${NEW_PASSPHRASE}!`);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the same/);

    expect(await seriousViolations()).toEqual([]);
    typeInto('Repeat new passphrase', NEW_PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Passphrase changed/);
    expect(current().vault.isUnlocked()).toBe(true);

    current().vault.lock();
    await expect(current().vault.unlock(TEST_PASSPHRASE)).rejects.toThrow(/not right/);
    await current().vault.unlock(NEW_PASSPHRASE);
    expect((await getApplication(current().db, draft.id))?.fields.firstName).toBe('Itzel');
  });
});

describe('a forgotten passphrase', () => {
  /** Two records the server never got (a draft and a queued one) and one it holds; a signed-in session. */
  async function seedTablet() {
    const draft = await seedRecord(current(), null, completeFields({ firstName: 'Ana', ssid: '2047118365' }));
    const queued = await seedRecord(current(), null, completeFields({ firstName: 'Luis', ssid: '3158229476' }));
    const synced = await seedRecord(current(), null, completeFields({ firstName: 'Mei', ssid: '4269330587' }));
    await confirmApplications(current(), [queued.id]);
    await changeRecord(current(), synced.id, { status: 'synced' });
    const user = { id: 'u1', email: 'advisor@example.org', name: 'Advisor', role: 'advisor', centerId: 'c1' };
    await current().db.meta.put({ key: META.session, value: { token: 'token-before-reset', expiresAt: '2030-01-01T00:00:00.000Z', user, expired: false } });
    return { draft, queued };
  }

  async function openForgottenScreen() {
    current().vault.lock();
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
    expect(await current().db.applications.count()).toBe(3);

    fireEvent.click(screen.getByRole('button', { name: 'Back to unlock' }));
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(await current().db.applications.count()).toBe(3);
    expect(await current().db.outbox.count()).toBe(1);
    expect(await readSession(current().db)).not.toBeNull();
    expect(current().vault.state()).toMatchObject({ phase: 'locked' });
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
    await waitFor(() => expect(current().vault.state()).toEqual({ phase: 'new' }));
    expect(await current().db.applications.count()).toBe(0);
    expect(await current().db.outbox.count()).toBe(0);
    // Signed out, with the token remembered for revocation: whoever reset must sign in with the account's password.
    expect(await readSession(current().db)).toBeNull();
    expect((await current().db.meta.get(META.revocations))?.value).toEqual(['token-before-reset']);

    // Later the advisor remembers the old passphrase: the copy imports onto the new vault.
    await current().vault.setup(NEW_PASSPHRASE);
    await expect(importBackup(current().db, copy, 'a wrong guess at it', sealedRows(current().vault.key()))).rejects.toThrow(/not right/);
    const report = await importBackup(current().db, copy, TEST_PASSPHRASE, sealedRows(current().vault.key()));
    expect(report).toMatchObject({ added: 2, queued: 1 });
    expect((await getApplication(current().db, draft.id))?.fields.firstName).toBe('Ana');
    expect((await getApplication(current().db, queued.id))?.status).toBe('queued');
  });

  it('lets a tablet whose every record reached the server start again at once', async () => {
    const record = await seedRecord(current(), null, completeFields());
    await changeRecord(current(), record.id, { status: 'synced' });
    await openForgottenScreen();
    expect(screen.getByText(/starting again loses none of them/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save a sealed copy' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Erase and start again' }));
    await waitFor(() => expect(current().vault.state()).toEqual({ phase: 'new' }));
  });
});
