/**
 * What a push answer to queued SSID updates leaves on the student's roster row
 * (db/kinds/ssidUpdate.ts): the pending mark and the refusal the Students screen
 * shows. The answers are written as the server gives them, on fake-indexeddb;
 * test/app/sync/ssid-updates.test.ts runs the same path against the real server.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { queueSsidUpdates, type SsidUpdateRequest } from '../../../src/app/db/ssidUpdates';
import { queueMutation, sealForOutbox } from '../../../src/app/db/outbox';
import { recordIndex } from '../../../src/app/db/records';
import { readRosterEntry } from '../../../src/app/db/roster';
import { applyPushResponse } from '../../../src/app/sync/push';
import { uuidv7 } from '../../../src/shared/ids';
import type { MutationResult, RosterEntry } from '../../../src/shared/protocol';
import type { OutboxRow } from '../../../src/app/db/schema';
import { openTestStore, readOutbox } from '../harness';

let store: Store;
const ann = uuidv7();
const ben = uuidv7();

function rostered(studentId: string, ssidLast4: string | null): RosterEntry {
  return {
    studentId, firstName: 'Ann', lastName: 'Lee', dateOfBirth: '2011-04-02', grade: '8', schoolId: 's1',
    schoolStudentId: '', ssidHash: ssidLast4 === null ? null : 'hash', ssidLast4, ssidSource: ssidLast4 === null ? null : 'student_form', deleted: false,
  };
}

beforeEach(async () => {
  store = await openTestStore();
  await store.db.roster.bulkPut([rostered(ann, null), rostered(ben, '2223')]);
});
afterEach(() => closeStore(store));

/** Queues `updates` (one call each, as an advisor sends them one after another) and returns the queued rows. */
async function queue(...updates: SsidUpdateRequest[]): Promise<OutboxRow[]> {
  for (const update of updates) await queueSsidUpdates(store, [update], Date.parse('2026-03-02T10:00:00Z'));
  return readOutbox(store);
}

/** The server's answer to `rows`, one result each. */
const answer = (rows: OutboxRow[], results: ((row: OutboxRow) => MutationResult)[]) => ({
  lastAppliedMutationId: Math.max(...rows.map((r) => r.mutationId)),
  results: rows.map((row, i) => results[i]!(row)),
});
const applied = (row: OutboxRow): MutationResult => ({ mutationId: row.mutationId, recordId: row.recordId, status: 'applied', serverVersion: 1 });
const differs = { code: 'ssid_differs' as const, message: 'The student already has another CA SSID. Decide which is right.' };
const rejected = (row: OutboxRow): MutationResult => ({ mutationId: row.mutationId, recordId: row.recordId, status: 'rejected', reason: differs });
const conflict = (row: OutboxRow): MutationResult => ({ mutationId: row.mutationId, recordId: row.recordId, status: 'conflict', reason: differs });

describe('a push answer to SSID updates', () => {
  it('clears the pending mark of an applied update, and the update leaves the outbox', async () => {
    const rows = await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' });

    expect(await applyPushResponse(store.db, rows, answer(rows, [applied]))).toEqual({ applied: 1, duplicate: 0, rejected: 0, conflicts: 0 });

    const entry = await readRosterEntry(store.db, ann);
    expect(entry?.pendingSsidLast4).toBeUndefined();
    expect(entry?.pendingSince).toBeUndefined();
    expect(entry?.ssidUpdateProblem).toBeUndefined();
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('keeps a refusal or a conflict for the advisor, against the SSID the student has, and no longer pending', async () => {
    const rows = await queue({ studentId: ben, ssid: '9876501234', source: 'school_records' }, { studentId: ann, ssid: '9111122223', source: 'school_records' });

    expect(await applyPushResponse(store.db, rows, answer(rows, [rejected, conflict]))).toMatchObject({ rejected: 1, conflicts: 1 });

    for (const studentId of [ben, ann]) {
      const entry = await readRosterEntry(store.db, studentId);
      expect(entry?.ssidUpdateProblem).toEqual(differs);
      expect(entry?.pendingSsidLast4).toBeUndefined();
    }
    // A pull that brings the student another SSID drops a refusal given against the old one.
    const stored = (await store.db.roster.get(ben))!;
    await store.db.roster.put({ ...stored, ...rostered(ben, '5555') });
    expect((await readRosterEntry(store.db, ben))?.ssidUpdateProblem).toBeUndefined();
  });

  it('keeps the student pending while a newer update for another SSID is still queued', async () => {
    const [older] = await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' }, { studentId: ann, ssid: '9111122223', source: 'school_records' });

    await applyPushResponse(store.db, [older!], answer([older!], [applied]));

    expect(await readRosterEntry(store.db, ann)).toMatchObject({ pendingSsidLast4: '2223', pendingSince: Date.parse('2026-03-02T10:00:00Z') });
    expect(await store.db.outbox.count()).toBe(1);
  });

  it('goes by the last of several answers for one student in the same push', async () => {
    const rows = await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' }, { studentId: ann, ssid: '9111122223', source: 'school_records' });

    await applyPushResponse(store.db, rows, answer(rows, [rejected, applied]));

    const entry = await readRosterEntry(store.db, ann);
    expect(entry?.pendingSsidLast4).toBeUndefined();
    expect(entry?.ssidUpdateProblem).toBeUndefined();
  });

  it('leaves nothing pending once every update for the student is answered, one of them queued by a backup import', async () => {
    await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' });
    // An import queues the file's update as an outbox row only: the roster row still marks the first SSID pending.
    const now = Date.parse('2026-03-02T11:00:00Z');
    const imported = await sealForOutbox(recordIndex(store.db).key(), {
      kind: 'ssid_update', recordId: uuidv7(now), studentId: ann, version: 1, ssid: '9111122223', source: 'school_records', confirmedAt: new Date(now).toISOString(),
    }, now);
    await store.strictDb.transaction('rw', store.strictDb.outbox, store.strictDb.meta, async () => {
      await queueMutation(store.strictDb, imported);
    });
    const rows = await readOutbox(store);

    await applyPushResponse(store.db, rows, answer(rows, [applied, rejected]));

    const entry = await readRosterEntry(store.db, ann);
    expect(entry?.pendingSsidLast4).toBeUndefined();
    expect(entry?.ssidUpdateProblem).toEqual(differs);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('never writes an answer over an update queued while it was planned: it plans again from the new pending mark', async () => {
    const rows = await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' });
    const transaction = store.db.transaction.bind(store.db) as (...args: unknown[]) => Promise<unknown>;
    // Just before the answer's first write, the advisor sends another SSID for the same student (another tab).
    vi.spyOn(store.db, 'transaction').mockImplementationOnce(((...args: unknown[]) =>
      queueSsidUpdates(store, [{ studentId: ann, ssid: '9111122223', source: 'school_records' }]).then(() => transaction(...args))) as never);

    await applyPushResponse(store.db, rows, answer(rows, [applied]));

    expect(await readRosterEntry(store.db, ann)).toMatchObject({ pendingSsidLast4: '2223' });
    expect((await readOutbox(store)).map((r) => r.mutation)).toEqual([expect.objectContaining({ studentId: ann, ssid: '9111122223' })]);
  });

  it('clears the outbox row of an update for a student no longer on the roster, and writes no roster row for them', async () => {
    const rows = await queue({ studentId: ann, ssid: '9876501234', source: 'school_records' });
    await store.db.roster.delete(ann);

    expect(await applyPushResponse(store.db, rows, answer(rows, [rejected]))).toMatchObject({ rejected: 1 });

    expect(await store.db.outbox.count()).toBe(0);
    expect(await store.db.roster.get(ann)).toBeUndefined();
  });
});
