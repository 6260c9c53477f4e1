import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, listApplications, listRecentApplications, newDraft, saveDraft } from '../../../src/app/db/applications';
import { META } from '../../../src/app/db/meta';
import { applyAnswerOnce } from '../../../src/app/db/pushAnswers';
import { removeSetAside } from '../../../src/app/db/repair';
import { hashSsid } from '../../../src/app/db/ssidLookup';
import { mutationSchema } from '../../../src/shared/protocol';
import { verifySheet } from '../../../src/shared/verify-sheet';
import { completeFields, openTestStore, readOutbox, readRecord, seedBatch, seedRecord } from '../harness';
import { writeBadRows } from './badRows';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => closeStore(store));

describe('saving drafts', () => {
  it('keeps every character typed, with status draft while checks fail and ready once they pass', async () => {
    const batch = await seedBatch(store);
    const draft = newDraft(batch);
    expect(draft.fields.grade).toBe('7');
    expect(draft.fields.schoolId).toBe('school-lincoln');

    const first = await saveDraft(store.db, { ...draft, fields: { ...draft.fields, firstName: 'Ma' } });
    expect(first.status).toBe('draft');
    expect((await readRecord(store, draft.id)).fields.firstName).toBe('Ma');

    const complete = await saveDraft(store.db, { ...draft, fields: completeFields({ middleName: 'José ' }), ssidRekey: '2038475610' });
    expect(complete.status).toBe('ready');
    expect(complete.version).toBe(1);
    expect((await readRecord(store, draft.id)).fields.middleName).toBe('José ');
  });

  it('writes nothing when the form has not changed (a blur after confirming makes no new version)', async () => {
    const saved = await seedRecord(store, null, completeFields());
    await confirmApplications(store, [saved.id]);
    const again = await saveDraft(store.db, { ...saved, batchId: null, fields: (await readRecord(store, saved.id)).fields });
    expect(again.status).toBe('queued');
    expect(again.version).toBe(1);
  });
});

describe('confirming', () => {
  it('writes the queued record and a valid outbox mutation in one go, with ids from the meta counter', async () => {
    const batch = await seedBatch(store);
    const a = await seedRecord(store, batch.id, completeFields({ ssid: '203 847-5610' }), '2038475610');
    const b = await seedRecord(store, batch.id, completeFields({ firstName: 'Ana', ssid: '3049586721' }));

    const result = await confirmApplications(store, [a.id, b.id], Date.parse('2025-10-01T12:00:00Z'));
    expect(result).toEqual({ confirmed: [a.id, b.id], skipped: [] });

    const record = await readRecord(store, a.id);
    expect(record).toMatchObject({ status: 'queued', confirmedAt: Date.parse('2025-10-01T12:00:00Z'), version: 1 });
    expect(record.fields.ssid).toBe('2038475610');

    const outbox = await readOutbox(store);
    expect(outbox.map((r) => [r.mutationId, r.recordId, r.version])).toEqual([[1, a.id, 1], [2, b.id, 1]]);
    const mutation = mutationSchema.parse(outbox[0]!.mutation);
    expect(mutation).toMatchObject({ recordId: a.id, studentId: a.studentId, baseServerVersion: null, confirmedAt: '2025-10-01T12:00:00.000Z' });
    expect(mutation.application.ssid).toBe('2038475610');
    expect((await store.db.meta.get(META.nextMutationId))?.value).toBe(3);
  });

  it('refuses a record that still has errors and queues nothing for it', async () => {
    const bad = await seedRecord(store, null, completeFields({ ssid: '203847561' }));
    const result = await confirmApplications(store, [bad.id]);
    expect(result.confirmed).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/9 digits/);
    expect(await store.db.outbox.count()).toBe(0);
    expect((await readRecord(store, bad.id)).status).toBe('draft');
  });

  it('holds a sheet whose SSID another record holds until the advisor ticks that the paper shows it, as the form does', async () => {
    await seedRecord(store, null, completeFields({ firstName: 'Ana', lastName: 'Diaz', ssid: '3049586721' }));
    const luis = await seedRecord(store, null, completeFields({ firstName: 'Luis', lastName: 'Ortega', ssid: '3049586721' }));
    const held = await confirmApplications(store, [luis.id]);
    expect(held.confirmed).toEqual([]);
    expect(held.skipped[0]?.reason).toMatch(/Look at the paper again/);
    await saveDraft(store.db, { ...luis, ssidChecked: true });
    expect((await confirmApplications(store, [luis.id])).confirmed).toEqual([luis.id]);
  });

  it('holds a returning student’s sheet whose SSID is not the one the center has for them until ticked', async () => {
    const key = '8f1c2a7e5b3d4c6e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
    await store.db.meta.put({ key: 'ssidKey', value: key });
    const fields = completeFields({ firstName: 'Ana', lastName: 'Diaz', ssid: '3049586712' });
    await store.db.roster.add({
      studentId: 'st-ana', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: fields.dateOfBirth, grade: '8', schoolId: 's', schoolStudentId: '',
      ssidHash: await hashSsid(key, '3049586721'), ssidLast4: '6721', ssidSource: 'school_records', deleted: false,
    });
    const ana = await seedRecord(store, null, fields);
    expect((await confirmApplications(store, [ana.id])).skipped[0]?.reason).toMatch(/Look at the paper again/);
    const agreeing = await seedRecord(store, null, { ...fields, ssid: '3049586721' });
    expect((await confirmApplications(store, [agreeing.id])).confirmed).toEqual([agreeing.id]);
  });

  it('leaves the record unconfirmed when its outbox row cannot be written', async () => {
    const saved = await seedRecord(store, null, completeFields());
    // An outbox row already holding mutation id 1 makes the add fail inside the transaction.
    await store.db.outbox.add({ mutationId: 1, recordId: saved.id, version: 9, mutation: {} as never, createdAt: 0, attempts: 0 });

    await expect(confirmApplications(store, [saved.id])).rejects.toThrow();
    expect((await readRecord(store, saved.id)).status).toBe('ready');
    expect(await store.db.meta.get(META.nextMutationId)).toBeUndefined();
  });
});

describe('editing after confirmation', () => {
  it('makes a new version that must be confirmed again', async () => {
    const saved = await seedRecord(store, null, completeFields());
    await confirmApplications(store, [saved.id]);
    const queued = (await readRecord(store, saved.id));

    const edited = await saveDraft(store.db, { ...queued, fields: { ...queued.fields, lastName: 'López' } });
    expect(edited).toMatchObject({ status: 'ready', version: 2 });
    const more = await saveDraft(store.db, { ...queued, fields: { ...queued.fields, lastName: 'López-Ruiz' } });
    expect(more.version).toBe(2);

    await confirmApplications(store, [saved.id]);
    const outbox = await readOutbox(store);
    expect(outbox.map((r) => r.version)).toEqual([1, 2]);
    expect(mutationSchema.parse(outbox[1]?.mutation).application.lastName).toBe('López-Ruiz');
  });
});

describe('a second keyer’s verification on the record', () => {
  it('stays through an edit of a field it did not verify, and goes with an edit of one it did', async () => {
    const saved = await seedRecord(store, null, completeFields());
    const values = { ssid: saved.fields.ssid, firstName: saved.fields.firstName, lastName: saved.fields.lastName, dateOfBirth: saved.fields.dateOfBirth };
    const outcome = verifySheet(values, values, {}, { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-ana' }, new Date().toISOString());
    if (outcome.state !== 'verified') throw new Error('the keyings agree');
    await saveDraft(store.db, { ...saved, verification: outcome.verification });
    const regraded = await saveDraft(store.db, { ...saved, fields: { ...saved.fields, grade: '8' } });
    expect(regraded.verification).toEqual(outcome.verification);
    const renamed = await saveDraft(store.db, { ...saved, fields: { ...saved.fields, grade: '8', lastName: 'Otro' } });
    expect(renamed.verification).toBeUndefined();
    expect((await readRecord(store, saved.id)).verification).toBeUndefined();
  });
});

describe('the records list', () => {
  /** The first screenful as the records screen reads it: the start of the whole list, in its order, with every stored row counted. */
  async function firstScreenful(limit: number): Promise<string[]> {
    const whole = (await listApplications(store.db)).map((r) => r.id);
    const recent = await listRecentApplications(store.db, limit);
    const ids = recent.records.map((r) => r.id);
    expect(ids).toEqual(whole.slice(0, ids.length));
    expect(recent.stored).toBe(await store.db.applications.count());
    return ids;
  }

  it('reads its first screenful as the start of the whole list through new records, an edit, a Confirm all and a push answer', async () => {
    const ssids = ['2038475610', '3049586721', '4821937560', '5930481726', '6041592837', '7152603948'];
    const seeded = [];
    for (const [i, firstName] of ['Ana', 'Luis', 'Mia', 'Noa', 'Eva', 'Ivo'].entries()) seeded.push(await seedRecord(store, null, completeFields({ firstName, ssid: ssids[i]! })));
    expect(await firstScreenful(3)).toHaveLength(3);
    const edited = await saveDraft(store.db, { ...seeded[0]!, fields: { ...seeded[0]!.fields, lastName: 'Later' } });
    expect((await firstScreenful(3))[0]).toBe(edited.id);

    // Confirm all gives every record it confirms the same change time: the order among them must still agree.
    const { confirmed } = await confirmApplications(store, seeded.map((r) => r.id));
    expect(confirmed).toHaveLength(6);
    const sameTime = new Set((await listApplications(store.db)).map((r) => r.updatedAt));
    expect(sameTime.size).toBe(1);
    for (const limit of [1, 3, 5]) expect(await firstScreenful(limit)).toHaveLength(limit);

    // A push answer marks records synced without moving them.
    const before = await firstScreenful(6);
    const sent = await readOutbox(store);
    const answer = await applyAnswerOnce(store.db, sent, {
      lastAppliedMutationId: Math.max(...sent.map((r) => r.mutationId)),
      results: sent.map((r) => ({ mutationId: r.mutationId, recordId: r.recordId, status: 'applied' as const, serverVersion: 1 })),
    });
    expect(answer).not.toBeNull();
    expect((await listApplications(store.db)).every((r) => r.status === 'synced')).toBe(true);
    expect(await firstScreenful(6)).toEqual(before);
  });

  it('counts rows set aside among the stored and keeps to the list’s order around them, and after one is removed', async () => {
    await writeBadRows(store);
    // The bad rows share the good record's change time, so they fall inside a small first screenful.
    const ids = await firstScreenful(4);
    expect(ids.length).toBeLessThan(4);
    expect((await listRecentApplications(store.db, 4)).stored).toBe(5);
    await removeSetAside(store.db, 'applications', 'app-moved');
    expect((await listRecentApplications(store.db, 10)).stored).toBe(4);
    expect(await firstScreenful(10)).toHaveLength(2);
  });
});
