// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftInput } from '../../../src/app/db/applications';
import { clearJournal, holdJournal, journalDraft, type HeldJournal } from '../../../src/app/services/unloadJournal';
import { completeFields } from '../harness';

const draft = (id: string, firstName: string): DraftInput => ({
  id, studentId: `student-${id}`, batchId: null, createdAt: 1, fields: completeFields({ firstName }), ssidRekey: '20384',
});
const KEY = 'mesa-intake:unsaved-drafts';

let held: HeldJournal | null = null;
beforeEach(() => sessionStorage.clear());
afterEach(() => held?.dispose());

describe('unsaved typing at unload', () => {
  it('leaves sessionStorage at the next start and is stored once the app can (after the unlock)', async () => {
    journalDraft(sessionStorage, draft('a', 'Mar'));
    journalDraft(sessionStorage, draft('a', 'Maria'));
    journalDraft(sessionStorage, draft('b', 'Ana'));
    held = holdJournal(sessionStorage, window);
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(held.count()).toBe(2);

    const saved: DraftInput[] = [];
    expect(await held.release(async (d) => saved.push(d))).toBe(2);
    expect(saved.map((d) => [d.id, d.fields.firstName, d.ssidRekey])).toEqual([['a', 'Maria', '20384'], ['b', 'Ana', '20384']]);
    expect(held.count()).toBe(0);
  });

  it('is written back if the page goes away again before it was stored', () => {
    journalDraft(sessionStorage, draft('a', 'Maria'));
    held = holdJournal(sessionStorage, window);
    window.dispatchEvent(new Event('pagehide'));
    held.dispose();
    held = holdJournal(sessionStorage, window);
    expect(held.count()).toBe(1);
  });

  it('keeps a form whose save failed for the next try', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'));
    held = holdJournal(sessionStorage, window);
    expect(await held.release(async () => Promise.reject(new Error('full')))).toBe(0);
    expect(await held.release(async () => undefined)).toBe(1);
  });

  it('is dropped when the page comes back from the back/forward cache', () => {
    journalDraft(sessionStorage, draft('a', 'Maria'));
    clearJournal(sessionStorage);
    held = holdJournal(sessionStorage, window);
    expect(held.count()).toBe(0);
  });

  it('ignores a journal it cannot read', () => {
    sessionStorage.setItem(KEY, '{"a": {"id": 1}}');
    held = holdJournal(sessionStorage, window);
    expect(held.count()).toBe(0);
  });
});
