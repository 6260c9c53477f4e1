import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MesaDb } from '../../../src/app/db/schema';
import { watchActivity } from '../../../src/app/crypto/activity';
import { linkTabLocks } from '../../../src/app/crypto/tab-locks';
import type { Vault } from '../../../src/app/crypto/vault';
import { openVault } from '../../../src/app/db/vaultKeys';
import { PASSPHRASE, TEST_ITERATIONS } from './helpers';

/** One open tab: its own vault over the shared database, its own page and its own end of the channel. */
interface Tab {
  vault: Vault;
  page: EventTarget;
  channel: BroadcastChannel;
  unlink: () => void;
  /** Whether the key was still in memory each time another tab's lock asked this tab to store its typing. */
  keyHeldBeforeLock: boolean[];
}

let db: MesaDb;
let counter = 0;
let clock = 1_760_000_000_000;
let tabs: Tab[] = [];
const now = () => clock;

beforeEach(async () => {
  db = new MesaDb(`tab-locks-${++counter}`);
  await db.open();
  clock = 1_760_000_000_000;
  tabs = [];
});

afterEach(async () => {
  for (const tab of tabs) {
    tab.unlink();
    tab.channel.close();
    tab.vault.lock();
  }
  db.close();
  await db.delete();
});

async function openTab(idleMinutes = 10): Promise<Tab> {
  const vault = await openVault(db, { iterations: TEST_ITERATIONS, idleMinutes, now });
  if (vault.state().phase === 'new') await vault.setup(PASSPHRASE);
  else await vault.unlock(PASSPHRASE);
  const page = new EventTarget();
  const channel = new BroadcastChannel(`mesa-intake:vault:test-${counter}`);
  const keyHeldBeforeLock: boolean[] = [];
  const beforeLock = async () => {
    keyHeldBeforeLock.push(vault.isUnlocked());
  };
  const doc = page as unknown as Document;
  // As in the app: the page's own activity feeds its vault, and the link shares it.
  const stopWatching = watchActivity(vault, doc);
  const unlinkTabs = linkTabLocks(vault, channel, { beforeLock, doc, now });
  const unlink = () => {
    stopWatching();
    unlinkTabs();
  };
  const tab = { vault, page, channel, unlink, keyHeldBeforeLock };
  tabs.push(tab);
  return tab;
}

describe('locking across tabs', () => {
  it('"Lock now" in one tab locks every other tab, after each stored its pending typing', async () => {
    const first = await openTab();
    const second = await openTab();
    const third = await openTab();
    first.vault.lock();
    await vi.waitFor(() => {
      expect(second.vault.isUnlocked()).toBe(false);
      expect(third.vault.isUnlocked()).toBe(false);
    });
    expect(second.keyHeldBeforeLock).toEqual([true]);
    expect(third.keyHeldBeforeLock).toEqual([true]);
    expect(() => second.vault.key()).toThrow();
  });

  it('the idle lock in one tab locks the other tabs too', async () => {
    const idleTab = await openTab(1);
    const other = await openTab(30);
    clock += 61_000;
    idleTab.vault.checkIdle();
    expect(idleTab.vault.state()).toEqual({ phase: 'locked', reason: 'idle' });
    await vi.waitFor(() => expect(other.vault.isUnlocked()).toBe(false));
  });

  it('typing in one tab keeps the idle lock of a tab in the background from firing', async () => {
    const typing = await openTab(1);
    const background = await openTab(1);
    clock += 50_000;
    typing.page.dispatchEvent(new Event('keydown'));
    await vi.waitFor(() => expect(background.vault.state()).toMatchObject({ lastActivity: clock }));
    clock += 20_000;
    background.vault.checkIdle();
    typing.vault.checkIdle();
    expect(background.vault.isUnlocked()).toBe(true);
    expect(typing.vault.isUnlocked()).toBe(true);
  });

  it('a tab unlocked again stays unlocked: the lock that reached the others is not echoed back', async () => {
    const first = await openTab();
    const second = await openTab();
    first.vault.lock();
    await vi.waitFor(() => expect(second.vault.isUnlocked()).toBe(false));
    await first.vault.unlock(PASSPHRASE);
    // Give any echo time to arrive: a message sent after this one would be delivered first.
    const probe = new BroadcastChannel(`mesa-intake:vault:test-${counter}`);
    const heard = new Promise<void>((resolve) => first.channel.addEventListener('message', () => resolve(), { once: true }));
    probe.postMessage({ type: 'ping' });
    await heard;
    probe.close();
    expect(first.vault.isUnlocked()).toBe(true);
  });

  it('ignores messages that are not a lock or activity', async () => {
    const tab = await openTab();
    const stranger = new BroadcastChannel(`mesa-intake:vault:test-${counter}`);
    const heard = new Promise<void>((resolve) => tab.channel.addEventListener('message', () => resolve(), { once: true }));
    stranger.postMessage({ type: 'lock-everything', at: 'now' });
    await heard;
    stranger.close();
    expect(tab.vault.isUnlocked()).toBe(true);
  });
});
