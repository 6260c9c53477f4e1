import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newDraft, saveDraft } from '../../../src/app/db/applications';
import { MesaDb } from '../../../src/app/db/schema';
import { describeSaveError, isQuotaError, StorageFullError } from '../../../src/app/db/storageErrors';
import { createDraftSaver, type SaveState } from '../../../src/app/services/draftSaver';
import { completeFields, readRecord, unlockDb } from '../harness';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A database whose writes fail as a full disk does while `full.on` is true. */
function fullDiskDb(full: { on: boolean }): MesaDb {
  const db = new MesaDb(`mesa-full-${Math.random().toString(36).slice(2)}`);
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (req) => (full.on ? Promise.reject(quota()) : table.mutate(req)) };
      },
    }),
  });
  return db;
}

describe('recognizing a full disk', () => {
  it.each([
    ['the browser error itself', quota(), true],
    ['Chrome: an AbortError of the transaction with the quota error inside', new Dexie.AbortError('Transaction aborted', quota()), true],
    ['a cause chain', new Error('save failed', { cause: quota() }), true],
    ['an unrelated constraint error', new Dexie.ConstraintError('Key already exists'), false],
    ['a plain abort', new Dexie.AbortError('Transaction aborted'), false],
  ])('%s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('tells the advisor that the typing is still there', () => {
    expect(describeSaveError(new Dexie.AbortError('x', quota()))).toMatch(/storage is full.*still on screen/i);
  });
});

describe('saving when storage is full', () => {
  it('rejects with StorageFullError and writes nothing', async () => {
    const full = { on: false };
    const db = fullDiskDb(full);
    await unlockDb(db);
    full.on = true;
    const draft = newDraft(null);
    await expect(saveDraft(db, { ...draft, fields: completeFields() })).rejects.toBeInstanceOf(StorageFullError);
    full.on = false;
    expect(await db.applications.count()).toBe(0);
    db.close();
  });

  it('keeps the typed values in memory and stores them on the next try once space is free', async () => {
    const full = { on: false };
    const db = fullDiskDb(full);
    await unlockDb(db);
    full.on = true;
    const draft = newDraft(null);
    const states: SaveState[] = [];
    const saver = createDraftSaver({
      save: async (value: typeof draft) => {
        await saveDraft(db, value);
      },
      onState: (s) => states.push(s),
      describeError: describeSaveError,
    });
    saver.schedule({ ...draft, fields: completeFields({ firstName: 'Xochitl' }) });

    expect(await saver.flush()).toBe(false);
    expect(states.at(-1)).toMatchObject({ kind: 'error', message: expect.stringMatching(/storage is full/i) });
    expect(saver.hasPending()).toBe(true);

    full.on = false;
    expect(await saver.flush()).toBe(true);
    expect((await readRecord({ db }, draft.id)).fields.firstName).toBe('Xochitl');
    expect(states.at(-1)?.kind).toBe('saved');
    saver.dispose();
    db.close();
  });
});
