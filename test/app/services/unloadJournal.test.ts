// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftInput } from '../../../src/app/db/applications';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { clearJournal, holdJournal, journalDraft, type HeldJournal } from '../../../src/app/services/unloadJournal';
import { completeFields, openTestStore, TEST_PASSPHRASE } from '../harness';

const SSID = '2047118365';
const draft = (id: string, firstName: string): DraftInput => ({
  id, studentId: `student-${id}`, batchId: null, createdAt: 1, fields: completeFields({ firstName, lastName: 'Quispe-Mamani', ssid: SSID }), ssidRekey: SSID,
});
const LEGACY_KEY = 'mesa-intake:unsaved-drafts';

let store: Store;
let held: HeldJournal | null = null;
beforeEach(async () => {
  sessionStorage.clear();
  store = await openTestStore();
  await store.journal.ready();
});
afterEach(() => {
  held?.dispose();
  held = null;
  closeStore(store);
});

/** Everything this tab's sessionStorage holds, as one string. */
function storageText(): string {
  return Object.keys(sessionStorage)
    .map((key) => `${key}=${sessionStorage.getItem(key) ?? ''}`)
    .join('\n');
}

/** Stores every held form and returns them, as the unlock does. */
async function releaseAll(journal: HeldJournal, key = store.vault.key()): Promise<DraftInput[]> {
  const saved: DraftInput[] = [];
  await journal.release(key, async (d) => saved.push(d));
  return saved;
}

describe('unsaved typing at unload', () => {
  it('never lies in sessionStorage in plain text: no name, SSID or re-key is readable there', () => {
    expect(journalDraft(sessionStorage, draft('a', 'Maricruz'), store.journal)).toBe(true);
    const text = storageText();
    expect(text).not.toBe('');
    for (const secret of ['Maricruz', 'Quispe', SSID]) expect(text).not.toContain(secret);
  });

  it('leaves sessionStorage at the next start, still sealed, and is stored after the unlock', async () => {
    journalDraft(sessionStorage, draft('a', 'Mar'), store.journal);
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    journalDraft(sessionStorage, draft('b', 'Ana'), store.journal);
    store.vault.lock();
    held = holdJournal(sessionStorage, window);
    expect(storageText()).toBe('');
    expect(held.count()).toBe(2);

    await store.vault.unlock(TEST_PASSPHRASE);
    const saved = await releaseAll(held);
    expect(saved.map((d) => [d.id, d.fields.firstName, d.ssidRekey]).sort()).toEqual([['a', 'Maria', SSID], ['b', 'Ana', SSID]]);
    expect(held.count()).toBe(0);
  });

  it('never uses the same keystream twice: the same typing sealed twice reads differently', () => {
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    const first = storageText();
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    expect(storageText()).not.toBe(first);
  });

  it('writes nothing, rather than plain text, while the vault is locked', () => {
    store.vault.lock();
    expect(journalDraft(sessionStorage, draft('a', 'Maria'), store.journal)).toBe(false);
    expect(storageText()).toBe('');
  });

  it('is written back, still sealed, if the page goes away again before it was stored', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    held = holdJournal(sessionStorage, window);
    window.dispatchEvent(new Event('pagehide'));
    expect(storageText()).not.toContain('Maria');
    held.dispose();
    held = holdJournal(sessionStorage, window);
    expect(held.count()).toBe(1);
    expect((await releaseAll(held)).map((d) => d.fields.firstName)).toEqual(['Maria']);
  });

  it('keeps a form whose save failed for the next try', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    held = holdJournal(sessionStorage, window);
    expect(await held.release(store.vault.key(), async () => Promise.reject(new Error('full')))).toBe(0);
    expect(await held.release(store.vault.key(), async () => undefined)).toBe(1);
  });

  it('drops what a key other than the data key cannot open (a reset since), without storing garbage', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    held = holdJournal(sessionStorage, window);
    const otherKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect(await releaseAll(held, otherKey)).toEqual([]);
    expect(held.count()).toBe(0);
  });

  it('still recovers a plain journal written by the version before the update, and removes it', async () => {
    sessionStorage.setItem(LEGACY_KEY, JSON.stringify({ a: draft('a', 'Maria') }));
    held = holdJournal(sessionStorage, window);
    expect(sessionStorage.getItem(LEGACY_KEY)).toBeNull();
    expect((await releaseAll(held)).map((d) => d.fields.firstName)).toEqual(['Maria']);
  });

  it('is dropped when the page comes back from the back/forward cache', () => {
    journalDraft(sessionStorage, draft('a', 'Maria'), store.journal);
    clearJournal(sessionStorage);
    held = holdJournal(sessionStorage, window);
    expect(held.count()).toBe(0);
  });

  it('ignores a journal it cannot read', async () => {
    sessionStorage.setItem('mesa-intake:unsaved-draft:a', '{"v": 2, "iv": 1}');
    sessionStorage.setItem(LEGACY_KEY, '{"a": {"id": 1}}');
    held = holdJournal(sessionStorage, window);
    expect(await releaseAll(held)).toEqual([]);
  });
});
