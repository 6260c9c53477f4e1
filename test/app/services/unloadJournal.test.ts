// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { DraftInput } from '../../../src/app/db/applications';
import { clearJournal, journalDraft, recoverJournal } from '../../../src/app/services/unloadJournal';
import { completeFields } from '../harness';

const draft = (id: string, firstName: string): DraftInput => ({
  id, studentId: `student-${id}`, batchId: null, createdAt: 1, fields: completeFields({ firstName }), ssidRekey: '20384',
});

beforeEach(() => sessionStorage.clear());

describe('unsaved typing at unload', () => {
  it('is stored on the next start and then forgotten', async () => {
    journalDraft(sessionStorage, draft('a', 'Mar'));
    journalDraft(sessionStorage, draft('a', 'Maria'));
    journalDraft(sessionStorage, draft('b', 'Ana'));
    const saved: DraftInput[] = [];
    expect(await recoverJournal(sessionStorage, async (d) => saved.push(d))).toBe(2);
    expect(saved.map((d) => [d.id, d.fields.firstName, d.ssidRekey])).toEqual([['a', 'Maria', '20384'], ['b', 'Ana', '20384']]);
    expect(await recoverJournal(sessionStorage, async (d) => saved.push(d))).toBe(0);
  });

  it('stays for the next start when storing it fails', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'));
    await expect(recoverJournal(sessionStorage, async () => Promise.reject(new Error('full')))).rejects.toThrow('full');
    expect(await recoverJournal(sessionStorage, async () => undefined)).toBe(1);
  });

  it('is dropped when the page comes back from the back/forward cache', async () => {
    journalDraft(sessionStorage, draft('a', 'Maria'));
    clearJournal(sessionStorage);
    expect(await recoverJournal(sessionStorage, async () => undefined)).toBe(0);
  });

  it('ignores a journal it cannot read', async () => {
    sessionStorage.setItem('mesa-intake:unsaved-drafts', '{"a": {"id": 1}}');
    expect(await recoverJournal(sessionStorage, async () => undefined)).toBe(0);
  });
});
