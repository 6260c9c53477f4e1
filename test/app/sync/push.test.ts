import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalApplication, MesaDb, OutboxRecordRow } from '../../../src/app/db/schema';
import { ContractError } from '../../../src/app/sync/api';
import { applyPushResponse, pushOutbox } from '../../../src/app/sync/push';
import type { AnyMutation, MutationResult, PushResponse } from '../../../src/shared/protocol';
import { completeFields, freshDb, queueRecord, queueVersion, sealVersion } from './fixtures';
import { changeRecord, readOutbox, readRecord } from '../harness';
import { recordIndex } from '../../../src/app/db/records';
import { sealApplication } from '../../../src/app/crypto/sealed-fields';
import { openOutbox } from '../../../src/app/db/outbox';
import { application, outboxRow } from '../crypto/helpers';

let db: MesaDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

/** Queues version 2 of a queued record, edited on the tablet before version 1 was answered. */
async function queueEdit(first: { record: LocalApplication }): Promise<OutboxRecordRow> {
  const v2 = { ...first.record, version: 2, fields: { ...first.record.fields, firstName: 'Edited' } };
  const sealed = await sealApplication(recordIndex(db).key(), v2);
  const queued = await sealVersion(db, v2);
  return db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
    await db.applications.put(sealed);
    return queueVersion(db, queued);
  });
}

const answer = (results: MutationResult[]) => ({ lastAppliedMutationId: Math.max(0, ...results.map((r) => r.mutationId)), results });

describe('applying a push answer', () => {
  it('clears an applied row and marks the record synced with the server version', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    const summary = await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 7 }]));

    expect(summary).toEqual({ applied: 1, duplicate: 0, rejected: 0, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 7, serverReason: null });
  });

  it('treats a duplicate as delivered: the row leaves the outbox and the record is synced', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'duplicate' }]));

    expect(await db.outbox.count()).toBe(0);
    expect((await readRecord({ db }, record.id))?.status).toBe('synced');
  });

  it('keeps the server reason on a rejected or conflicting record so the advisor can act on it', async () => {
    const rejected = await queueRecord(db, completeFields(1, 's1'));
    const conflict = await queueRecord(db, completeFields(2, 's1', { ssid: '1234567891' }));
    const reason = { code: 'unknown_school', message: 'The school is not one of your center’s schools.', fields: [{ field: 'schoolId', message: 'Choose one.' }] };
    const summary = await applyPushResponse(
      db,
      [rejected.row, conflict.row],
      answer([
        { mutationId: rejected.row.mutationId, recordId: rejected.record.id, status: 'rejected', reason },
        { mutationId: conflict.row.mutationId, recordId: conflict.record.id, status: 'conflict', reason: { code: 'ssid_taken', message: 'This CA SSID belongs to another student.' } },
      ]),
    );

    expect(summary).toEqual({ applied: 0, duplicate: 0, rejected: 1, conflicts: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, rejected.record.id)).toMatchObject({ status: 'rejected', serverReason: reason });
    expect(await readRecord({ db }, conflict.record.id)).toMatchObject({ status: 'conflict', serverReason: { code: 'ssid_taken' } });
  });

  it('takes the server version from a stale-version conflict, so an edit and resend is based on it', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'), { serverVersion: 1 });
    const reason = { code: 'stale_version' as const, message: 'Someone else changed this record on the server since you last synced.' };

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'conflict', reason, serverVersion: 3 }]));

    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'conflict', serverVersion: 3, serverReason: reason });
  });

  it('leaves a record edited while its older version was in flight in its new status', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    // The advisor edits the record after v1 left: v2 is a draft the answer must not touch.
    await changeRecord({ db }, record.id, { version: 2, status: 'draft', fields: completeFields(1, 's1', { firstName: 'Edited' }) });

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 3 }]));

    const after = await readRecord({ db }, record.id);
    expect(after).toMatchObject({ status: 'draft', version: 2, serverVersion: 3 });
    expect(after?.fields.firstName).toBe('Edited');
  });

  it('does not put a refusal of an older version on a record that has moved on', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    await changeRecord({ db }, record.id, { version: 2, status: 'ready' });

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'rejected', reason: { code: 'x', message: 'Old problem.' } }]));

    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'ready', serverReason: null });
  });

  it('clears the server’s old reason once the resent version is applied, so the record leaves Needs attention', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    await changeRecord({ db }, record.id, { serverReason: { code: 'unknown_school', message: 'The school is not one of your center’s schools.' } });

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 2 }]));

    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 2, serverReason: null });
  });

  it('never lowers the server version the record knows, whatever an answer says', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'), { serverVersion: 7 });

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 5 }]));

    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 7 });
  });

  it('never writes an answer over a change made while it was being planned: it plans again, and gives up after five tries', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    // Sent in the same batch and left alone: one unchanged record does not make the plan good.
    const other = await queueRecord(db, completeFields(2, 's1'));
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let edits = 0;
    let editing = false;
    // Just before each attempt writes, the advisor's other tab changes the record (for the first `until` attempts).
    const editBeforeEachWrite = (until: number) => vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (editing || edits >= until) return transaction(...args);
      editing = true;
      edits += 1;
      return changeRecord({ db }, record.id, { updatedAt: 1000 + edits }).then(() => {
        editing = false;
        return transaction(...args);
      });
    }) as never);
    const applied = answer([
      { mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 2 },
      { mutationId: other.row.mutationId, recordId: other.record.id, status: 'applied', serverVersion: 2 },
    ]);

    editBeforeEachWrite(Infinity);
    const error = await applyPushResponse(db, [row, other.row], applied).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toBe('Records kept changing while the server’s answer was saved; it will be fetched again.');
    expect(edits).toBe(5);
    expect(await db.outbox.count()).toBe(2);
    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'queued', serverVersion: null, updatedAt: 1005 });

    vi.restoreAllMocks();
    edits = 0;
    editBeforeEachWrite(1);
    expect(await applyPushResponse(db, [row, other.row], applied)).toMatchObject({ applied: 2 });
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 2, updatedAt: 1001 });
  });

  it('clears the outbox row of a record removed from the tablet while it was being sent', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    // Repair of a set-aside record deletes it; its version had already left.
    await db.applications.delete(record.id);

    const summary = await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 1 }]));

    expect(summary.applied).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.applications.count()).toBe(0);
  });

  it('bases a queued newer version on the server version its predecessor just got', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'));
    const v2 = { ...record, version: 2, fields: completeFields(1, 's1', { firstName: 'Edited' }) };
    const sealed = await sealApplication(recordIndex(db).key(), v2);
    const queued = await sealVersion(db, v2);
    const v2Row = await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
      await db.applications.put(sealed);
      return queueVersion(db, queued);
    });

    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 4 }]));

    const remaining = await readOutbox({ db });
    expect(remaining.map((r) => r.mutationId)).toEqual([v2Row.mutationId]);
    expect(remaining[0]?.mutation).toMatchObject({ baseServerVersion: 4 });
    expect((await readRecord({ db }, record.id))?.status).toBe('queued');
  });

  it('rebases each record\'s queued version on its own predecessor\'s answer when one answer covers several records', async () => {
    const [a, b, c] = [await queueRecord(db, completeFields(1, 's1')), await queueRecord(db, completeFields(2, 's1')), await queueRecord(db, completeFields(3, 's1'))];
    const [a2, b2, c2] = [await queueEdit(a), await queueEdit(b), await queueEdit(c)];

    await applyPushResponse(db, [a.row, b.row, c.row], answer([
      { mutationId: a.row.mutationId, recordId: a.record.id, status: 'applied', serverVersion: 4 },
      { mutationId: b.row.mutationId, recordId: b.record.id, status: 'applied', serverVersion: 9 },
      { mutationId: c.row.mutationId, recordId: c.record.id, status: 'rejected', reason: { code: 'invalid', message: 'Some values are not valid.', fields: [{ field: 'ssid', message: 'Not valid.' }] } },
    ]));

    const remaining = await readOutbox({ db });
    expect(remaining.map((r) => [r.mutationId, r.mutation])).toEqual([
      [a2.mutationId, expect.objectContaining({ recordId: a.record.id, baseServerVersion: 4 })],
      [b2.mutationId, expect.objectContaining({ recordId: b.record.id, baseServerVersion: 9 })],
      [c2.mutationId, expect.objectContaining({ recordId: c.record.id, baseServerVersion: null })],
    ]);
  });

  it('clears both versions of a record answered in the same push, never queueing the later one again', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    const v2 = await openOutbox(recordIndex(db).key(), await queueEdit(first));

    const summary = await applyPushResponse(db, [first.row, v2], answer([
      { mutationId: first.row.mutationId, recordId: first.record.id, status: 'applied', serverVersion: 1 },
      { mutationId: v2.mutationId, recordId: first.record.id, status: 'applied', serverVersion: 2 },
    ]));

    expect(summary.applied).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, first.record.id)).toMatchObject({ status: 'synced', version: 2, serverVersion: 2 });
  });

  it('rebases only the later versions built on the base the applied one was built on', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    // Edited after a stale-version answer told the tablet of server version 5: built on 5, not on the first version's base.
    const onFive = await sealVersion(db, { ...first.record, version: 2, serverVersion: 5 });
    await db.transaction('rw', db.applications, db.outbox, db.meta, async () => queueVersion(db, onFive));

    await applyPushResponse(db, [first.row], answer([{ mutationId: first.row.mutationId, recordId: first.record.id, status: 'applied', serverVersion: 4 }]));

    expect((await readOutbox({ db })).map((r) => r.mutation)).toEqual([expect.objectContaining({ version: 2, baseServerVersion: 5 })]);
  });

  it('never rebases a later version on a stale-version conflict’s server version, even when the same answer applied another version of the record', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    // Versions 2 and 3 were built on server version 5; only version 2 is sent with the first.
    const [sentOnFive, laterOnFive] = [await sealVersion(db, { ...first.record, version: 2, serverVersion: 5 }), await sealVersion(db, { ...first.record, version: 3, serverVersion: 5 })];
    const v2 = await openOutbox(recordIndex(db).key(), await db.transaction('rw', db.outbox, db.meta, async () => queueVersion(db, sentOnFive)));
    await db.transaction('rw', db.outbox, db.meta, async () => queueVersion(db, laterOnFive));
    const stale = { code: 'stale_version' as const, message: 'Someone else changed this record on the server since you last synced.' };

    await applyPushResponse(db, [first.row, v2], answer([
      { mutationId: first.row.mutationId, recordId: first.record.id, status: 'applied', serverVersion: 4 },
      { mutationId: v2.mutationId, recordId: first.record.id, status: 'conflict', reason: stale, serverVersion: 7 },
    ]));

    // Resent on 5, version 3 meets the other device's change as a conflict too, instead of overwriting it unseen.
    expect((await readOutbox({ db })).map((r) => r.mutation)).toEqual([expect.objectContaining({ version: 3, baseServerVersion: 5 })]);
  });

  it('leaves an earlier version the answer does not name on the base it was built on, so resent it cannot overwrite the later one unseen', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'), { serverVersion: 5 });
    // Both versions were built on server version 5; the answer names only the second.
    const v2 = await openOutbox(recordIndex(db).key(), await queueEdit(first));

    await applyPushResponse(db, [first.row, v2], answer([{ mutationId: v2.mutationId, recordId: first.record.id, status: 'applied', serverVersion: 6 }]));

    // Sent again on 6, version 1 would replace version 2 on the server; on 5 the server answers it as a conflict.
    expect((await readOutbox({ db })).map((r) => [r.mutationId, r.mutation])).toEqual([
      [first.row.mutationId, expect.objectContaining({ version: 1, baseServerVersion: 5 })],
    ]);
  });

  it('saves an answer for a row another tab’s push already cleared (two tabs may sync where the browser has no Web Locks)', async () => {
    const { record, row } = await queueRecord(db, completeFields(1, 's1'), { serverVersion: 5 });
    // The other tab’s request reached the server second (duplicate) but its answer was saved first.
    await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'duplicate' }]));

    const summary = await applyPushResponse(db, [row], answer([{ mutationId: row.mutationId, recordId: record.id, status: 'applied', serverVersion: 6 }]));

    expect(summary).toEqual({ applied: 1, duplicate: 0, rejected: 0, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 6 });
  });

  it('never deletes a row the answer does not name, nor one named for another record', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    const second = await queueRecord(db, completeFields(2, 's1'));

    const summary = await applyPushResponse(
      db,
      [first.row, second.row],
      answer([
        { mutationId: first.row.mutationId, recordId: second.record.id, status: 'applied', serverVersion: 1 },
        { mutationId: 999, recordId: first.record.id, status: 'applied', serverVersion: 1 },
      ]),
    );

    expect(summary.applied).toBe(0);
    expect(await db.outbox.count()).toBe(2);
    expect((await readRecord({ db }, first.record.id))?.status).toBe('queued');
  });
});

describe('pushing the outbox', () => {
  /** A server that applies everything, notes what it was sent, each request's `after` and the most requests out at once. */
  function fakeServer() {
    const received: AnyMutation[][] = [];
    const afters: (number | undefined)[] = [];
    let open = 0;
    let mostOpen = 0;
    let serverVersion = 0;
    const send = async (_token: string, _deviceId: string, mutations: AnyMutation[], after?: number): Promise<PushResponse> => {
      mostOpen = Math.max(mostOpen, ++open);
      received.push(mutations);
      afters.push(after);
      // The tablet gets time to read and save while the request is out.
      await new Promise((resolve) => setTimeout(resolve, 20));
      open--;
      return answer(mutations.map((m) => ({ mutationId: m.mutationId, recordId: m.recordId, status: 'applied', serverVersion: ++serverVersion })));
    };
    return { send, received, afters, mostOpen: () => mostOpen };
  }

  it('keeps two requests out, each naming the last id of the one before it, in mutation-id order, and every row once', async () => {
    const records = [];
    for (let n = 1; n <= 7; n++) records.push(await queueRecord(db, completeFields(n, 's1')));
    const server = fakeServer();

    const progress = await pushOutbox(db, { token: 't', deviceId: 'd', send: server.send, batchSize: 2 });

    expect(server.mostOpen()).toBe(2);
    expect(server.afters).toEqual([undefined, 2, 4, 6]);
    expect(server.received.map((batch) => batch.map((m) => m.mutationId))).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    expect(progress).toMatchObject({ sent: 7, total: 7, applied: 7 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends a version read while its predecessor was in flight on the server version that predecessor got', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    await queueEdit(first);
    const server = fakeServer();

    await pushOutbox(db, { token: 't', deviceId: 'd', send: server.send, batchSize: 1 });

    expect(server.received.map(([m]) => [m?.recordId, m?.version, 'baseServerVersion' in m! ? m.baseServerVersion : undefined])).toEqual([
      [first.record.id, 1, null],
      [first.record.id, 2, 1],
    ]);
  });

  it('does so too when that version shares its batch with another record’s row', async () => {
    const first = await queueRecord(db, completeFields(1, 's1'));
    await queueRecord(db, completeFields(2, 's1'));
    await queueEdit(first);
    await queueRecord(db, completeFields(3, 's1'));
    const server = fakeServer();

    await pushOutbox(db, { token: 't', deviceId: 'd', send: server.send, batchSize: 2 });

    const edit = server.received.flat().find((m) => m.recordId === first.record.id && m.version === 2);
    expect(edit && 'baseServerVersion' in edit ? edit.baseServerVersion : undefined).toBe(1);
    expect(server.received.map((batch) => batch.length)).toEqual([2, 2]);
  });

  it('does so too when two requests went out between that version and its predecessor', async () => {
    // Batches of one: [first] [other] [other] [edit of first]; the edit's batch is read while the first answer is being saved.
    const first = await queueRecord(db, completeFields(1, 's1'));
    await queueRecord(db, completeFields(2, 's1'));
    await queueRecord(db, completeFields(3, 's1'));
    await queueEdit(first);
    const server = fakeServer();

    await pushOutbox(db, { token: 't', deviceId: 'd', send: server.send, batchSize: 1 });

    const edit = server.received.flat().find((m) => m.recordId === first.record.id && m.version === 2);
    expect(edit && 'baseServerVersion' in edit ? edit.baseServerVersion : undefined).toBe(1);
  });

  it('sends two versions queued in plain text before encryption at rest, the later one on the server version the first got', async () => {
    // As a version-1 database holds them until the first unlock has sealed them (db/sealPlainRows.ts).
    const record = application({ status: 'queued', version: 2 });
    await db.applications.put(record);
    await db.outbox.bulkAdd([outboxRow({ ...record, version: 1 }, 1), outboxRow(record, 2)]);
    const server = fakeServer();

    await pushOutbox(db, { token: 't', deviceId: 'd', send: server.send, batchSize: 1 });

    expect(server.received.map(([m]) => [m?.recordId, m?.version, 'baseServerVersion' in m! ? m.baseServerVersion : undefined])).toEqual([
      [record.id, 1, null],
      [record.id, 2, 1],
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord({ db }, record.id)).toMatchObject({ status: 'synced', serverVersion: 2 });
  });
});
