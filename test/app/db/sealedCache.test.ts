import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { SealedCache } from '../../../src/app/db/sealedCache';
import { openTestStore, TEST_PASSPHRASE } from '../harness';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

/** An opener that counts its calls and answers only when released, like a decryption still running. */
function slowOpener(part: string) {
  const opened = { calls: 0 };
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const open = async () => {
    opened.calls++;
    await done;
    return part;
  };
  return { opened, open, release: () => release() };
}

describe('the decrypted cache', () => {
  it('opens a row once for reads that overlap (the header, the list and its first screenful right after unlock)', async () => {
    const cache = new SealedCache<string>(store.vault);
    const { opened, open, release } = slowOpener('Lopez');
    const reads = [cache.get('app-1', 'iv-1', open), cache.get('app-1', 'iv-1', open), cache.get('app-1', 'iv-1', open)];
    release();
    expect(await Promise.all(reads)).toEqual(['Lopez', 'Lopez', 'Lopez']);
    expect(opened.calls).toBe(1);
    expect(await cache.get('app-1', 'iv-1', open)).toBe('Lopez');
    expect(opened.calls).toBe(1);
  });

  it('opens a row again when its seal changed while it was being opened, and shares nothing across a lock', async () => {
    const cache = new SealedCache<string>(store.vault);
    const old = slowOpener('Lopez');
    const first = cache.get('app-1', 'iv-1', old.open);
    const rewritten = slowOpener('López');
    const second = cache.get('app-1', 'iv-2', rewritten.open);
    old.release();
    rewritten.release();
    expect([await first, await second]).toEqual(['Lopez', 'López']);

    const pending = slowOpener('Lopez');
    const beforeLock = cache.get('app-2', 'iv-1', pending.open);
    store.vault.lock();
    await store.vault.unlock(TEST_PASSPHRASE);
    const afterUnlock = slowOpener('Lopez');
    const reread = cache.get('app-2', 'iv-1', afterUnlock.open);
    pending.release();
    afterUnlock.release();
    await Promise.all([beforeLock, reread]);
    expect(afterUnlock.opened.calls).toBe(1);
  });
});
