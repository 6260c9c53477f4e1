/** Queuing SSID updates: one sealed outbox row per update and the roster marked pending, all or nothing. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { InvalidSsidUpdateError, queueSsidUpdates } from '../../../src/app/db/ssidUpdates';
import { META } from '../../../src/app/db/meta';
import { VaultLockedError } from '../../../src/app/crypto/errors';
import { uuidv7 } from '../../../src/shared/ids';
import type { RosterEntry } from '../../../src/shared/protocol';
import { openTestStore, readOutbox } from '../harness';
import { readRosterEntry } from '../../../src/app/db/roster';

let store: Store;
const ann = uuidv7();
const ben = uuidv7();

function rostered(studentId: string): RosterEntry {
  return {
    studentId, firstName: 'Ann', lastName: 'Lee', dateOfBirth: '2011-04-02', grade: '8', schoolId: 's1',
    schoolStudentId: '', ssidHash: null, ssidLast4: null, ssidSource: null, deleted: false,
  };
}

beforeEach(async () => {
  store = await openTestStore();
  await store.db.roster.bulkPut([rostered(ann), rostered(ben)]);
});
afterEach(() => closeStore(store));

describe('queueSsidUpdates', () => {
  it('queues one ssid_update per student, each its own record, and marks the roster pending', async () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const answer = await queueSsidUpdates(store, [
      { studentId: ann, ssid: '9876-501-234', source: 'school_records' },
      { studentId: ben, ssid: '9111122223', source: 'student_form', replaces: '5555' },
    ], now);

    expect(answer).toEqual({ queued: 2 });
    const rows = await readOutbox(store);
    expect(rows.map((r) => r.mutation)).toEqual([
      { kind: 'ssid_update', mutationId: 1, recordId: rows[0]!.recordId, studentId: ann, version: 1, ssid: '9876501234', source: 'school_records', confirmedAt: '2026-03-02T10:00:00.000Z' },
      { kind: 'ssid_update', mutationId: 2, recordId: rows[1]!.recordId, studentId: ben, version: 1, ssid: '9111122223', source: 'student_form', confirmedAt: '2026-03-02T10:00:00.000Z', replaces: '5555' },
    ]);
    expect(rows[0]!.recordId).not.toBe(rows[1]!.recordId);
    expect(await readRosterEntry(store.db, ann)).toMatchObject({ pendingSsidLast4: '1234', pendingSince: now });
    expect(await readRosterEntry(store.db, ben)).toMatchObject({ pendingSsidLast4: '2223', pendingSince: now });
  });

  it('keeps the whole SSID out of the stored rows: the outbox is sealed, the roster has four digits', async () => {
    await queueSsidUpdates(store, [{ studentId: ann, ssid: '9876501234', source: 'school_records' }]);
    const stored = JSON.stringify([await store.db.outbox.toArray(), await store.db.roster.toArray()]);
    expect(stored).not.toContain('9876501234');
  });

  it('queues nothing when one update is invalid, and says which', async () => {
    const attempt = queueSsidUpdates(store, [
      { studentId: ann, ssid: '9876501234', source: 'school_records' },
      { studentId: ben, ssid: '98765', source: 'school_records' },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidSsidUpdateError);
    await expect(attempt).rejects.toMatchObject({ index: 1 });
    expect(await store.db.outbox.count()).toBe(0);
    expect(await store.db.meta.get(META.nextMutationId)).toBeUndefined();
    expect(await store.db.roster.get(ann)).toEqual(rostered(ann));
  });

  it('clears the refusal of an earlier update when a new one is queued', async () => {
    await store.db.roster.put({ ...(await readRosterEntry(store.db, ann))!, ssidUpdateProblem: { code: 'ssid_differs', message: 'Decide which is right.' } });
    await queueSsidUpdates(store, [{ studentId: ann, ssid: '9876501234', source: 'school_records', replaces: '0000' }]);
    expect((await readRosterEntry(store.db, ann))?.ssidUpdateProblem).toBeUndefined();
  });

  it('refuses to queue while the app is locked', async () => {
    store.vault.lock();
    await expect(queueSsidUpdates(store, [{ studentId: ann, ssid: '9876501234', source: 'school_records' }])).rejects.toBeInstanceOf(VaultLockedError);
    expect(await store.db.outbox.count()).toBe(0);
  });
});
