import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MesaDb } from '../../../src/app/db/schema';
import {
  VaultAlreadySetUpError,
  VaultLockedError,
  VaultNotSetUpError,
  WeakPassphraseError,
  WrongPassphraseError,
} from '../../../src/app/crypto/errors';
import { keyRecordSchema } from '../../../src/app/crypto/keys';
import { open, seal } from '../../../src/app/crypto/seal';
import { FORGOTTEN_PASSPHRASE_NOTICE } from '../../../src/app/crypto/vault';
import { META } from '../../../src/app/db/meta';
import { openVault } from '../../../src/app/db/vaultKeys';
import type { VaultState } from '../../../src/app/crypto/vault-state';
import { application, PASSPHRASE, TEST_ITERATIONS } from './helpers';

let db: MesaDb;
let counter = 0;

beforeEach(async () => {
  db = new MesaDb(`vault-test-${++counter}`);
  await db.open();
});

afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

const options = { iterations: TEST_ITERATIONS };
// Fake only the idle clock: fake-indexeddb schedules its own work with setImmediate.
const IDLE_CLOCK_ONLY: Parameters<typeof vi.useFakeTimers>[0] = { toFake: ['setTimeout', 'clearTimeout', 'Date'] };

describe('Vault', () => {
  it('starts new on a fresh tablet, and setup stores salt, iterations and wrapped key in meta', async () => {
    const vault = await openVault(db, options);
    expect(vault.state()).toEqual({ phase: 'new' });
    await vault.setup(PASSPHRASE);
    expect(vault.isUnlocked()).toBe(true);
    const row = await db.meta.get(META.vault);
    const record = keyRecordSchema.parse(row?.value);
    expect(record.kdf.iterations).toBe(TEST_ITERATIONS);
    expect(JSON.stringify(row)).not.toContain(PASSPHRASE);
  });

  it('refuses a weak passphrase at setup and stores nothing', async () => {
    const vault = await openVault(db, options);
    await expect(vault.setup('1234')).rejects.toBeInstanceOf(WeakPassphraseError);
    expect(await db.meta.get(META.vault)).toBeUndefined();
  });

  it('opens locked on the next start and unlocks with the passphrase to the same data key', async () => {
    const first = await openVault(db, options);
    await first.setup(PASSPHRASE);
    const sealed = await seal(first.key(), { lastName: 'Reyes' }, 'applications/1');

    const next = await openVault(db, options);
    expect(next.state()).toEqual({ phase: 'locked', reason: 'start' });
    expect(() => next.key()).toThrow(VaultLockedError);
    await next.unlock(PASSPHRASE);
    expect(await open(next.key(), sealed, 'applications/1')).toEqual({ lastName: 'Reyes' });
  });

  it('reports a wrong passphrase clearly and stays locked with the key record untouched', async () => {
    await (await openVault(db, options)).setup(PASSPHRASE);
    const before = await db.meta.get(META.vault);
    const vault = await openVault(db, options);
    await expect(vault.unlock('correct horse battery stapler')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(vault.isUnlocked()).toBe(false);
    expect(await db.meta.get(META.vault)).toEqual(before);
  });

  it('refuses unlock before setup, and a second setup (e.g. from another tab)', async () => {
    const vault = await openVault(db, options);
    await expect(vault.unlock(PASSPHRASE)).rejects.toBeInstanceOf(VaultNotSetUpError);
    const otherTab = await openVault(db, options);
    await vault.setup(PASSPHRASE);
    await expect(otherTab.setup('another passphrase here')).rejects.toBeInstanceOf(VaultAlreadySetUpError);
    await otherTab.unlock(PASSPHRASE);
    expect(otherTab.isUnlocked()).toBe(true);
  });

  it('lock drops the key and tells subscribers', async () => {
    const vault = await openVault(db, options);
    const seen: VaultState['phase'][] = [];
    vault.subscribe((s) => seen.push(s.phase));
    await vault.setup(PASSPHRASE);
    vault.lock();
    expect(vault.isUnlocked()).toBe(false);
    expect(() => vault.key()).toThrow(VaultLockedError);
    expect(seen).toEqual(['unlocked', 'locked']);
  });

  it('changing the passphrase keeps existing sealed data readable and retires the old passphrase', async () => {
    const vault = await openVault(db, options);
    await vault.setup(PASSPHRASE);
    const sealed = await seal(vault.key(), 'kept', 'c');
    await expect(vault.changePassphrase('not it at all', 'new river lantern')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await vault.changePassphrase(PASSPHRASE, 'new river lantern');

    const later = await openVault(db, options);
    await expect(later.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await later.unlock('new river lantern');
    expect(await open(later.key(), sealed, 'c')).toBe('kept');
  });

  it('unlocks with the key record as stored now, when another tab changed the passphrase after this one opened', async () => {
    const otherTab = await openVault(db, options);
    await otherTab.setup(PASSPHRASE);
    const sealed = await seal(otherTab.key(), 'kept', 'c');
    const thisTab = await openVault(db, options);
    await otherTab.changePassphrase(PASSPHRASE, 'new river lantern');

    await expect(thisTab.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await thisTab.unlock('new river lantern');
    expect(await open(thisTab.key(), sealed, 'c')).toBe('kept');
  });

  it('raises a stored iteration count on unlock when the app asks for more', async () => {
    const old = await openVault(db, options);
    await old.setup(PASSPHRASE);
    const sealed = await seal(old.key(), 'still readable', 'c');

    const upgraded = await openVault(db, { iterations: TEST_ITERATIONS * 3 });
    await upgraded.unlock(PASSPHRASE);
    const record = keyRecordSchema.parse((await db.meta.get(META.vault))?.value);
    expect(record.kdf.iterations).toBe(TEST_ITERATIONS * 3);
    expect(await open(upgraded.key(), sealed, 'c')).toBe('still readable');
  });

  it('locks itself after the idle time, and activity pushes the lock back', async () => {
    vi.useFakeTimers(IDLE_CLOCK_ONLY);
    const vault = await openVault(db, { ...options, idleMinutes: 10 });
    await vault.setup(PASSPHRASE);
    vi.advanceTimersByTime(9 * 60_000);
    vault.noteActivity();
    vi.advanceTimersByTime(9 * 60_000);
    expect(vault.isUnlocked()).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(vault.state()).toEqual({ phase: 'locked', reason: 'idle' });
  });

  it('a shorter idle setting applies to the running session', async () => {
    vi.useFakeTimers(IDLE_CLOCK_ONLY);
    const vault = await openVault(db, { ...options, idleMinutes: 30 });
    await vault.setup(PASSPHRASE);
    vi.advanceTimersByTime(5 * 60_000);
    vault.setIdleMinutes(5);
    expect(vault.state()).toEqual({ phase: 'locked', reason: 'idle' });
  });

  it('reset after a forgotten passphrase deletes local records and allows a new setup', async () => {
    const vault = await openVault(db, options);
    await vault.setup(PASSPHRASE);
    await db.applications.add(application());
    await db.meta.put({ key: 'deviceId', value: 'device-1' });
    vault.lock();
    await vault.reset();
    expect(vault.state()).toEqual({ phase: 'new' });
    expect(await db.applications.count()).toBe(0);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'device-1' });
    await vault.setup('a fresh start passphrase');
    expect(vault.isUnlocked()).toBe(true);
  });

  it('states plainly what a forgotten passphrase costs', () => {
    expect(FORGOTTEN_PASSPHRASE_NOTICE).toMatch(/not been sent to the server are lost/);
    expect(FORGOTTEN_PASSPHRASE_NOTICE).toMatch(/safe on the server/);
  });
});
