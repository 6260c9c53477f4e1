/**
 * Encryption at rest through the real repositories on fake-indexeddb: what is
 * stored, upgrading a version-1 database that holds plain rows, and two tabs
 * writing the same database at once.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { confirmApplications, listApplications, saveDraft } from '../../../src/app/db/applications';
import { afterUnlock } from '../../../src/app/services/afterUnlock';
import { completeFields, openTestStore, readOutbox, readRecord, seedRecord, testDbName } from '../harness';
import { application, outboxRow } from '../crypto/helpers';
import { uuidv7 } from '../../../src/shared/ids';

const open: Store[] = [];
async function store(name?: string): Promise<Store> {
  const opened = await openTestStore(name);
  open.push(opened);
  return opened;
}
afterEach(() => {
  for (const s of open.splice(0)) closeStore(s);
});

/** Everything IndexedDB holds for records and the outbox, as one string. */
async function rawRows(s: Store): Promise<string> {
  return JSON.stringify({ applications: await s.db.applications.toArray(), outbox: await s.db.outbox.toArray() });
}

describe('records stored sealed', () => {
  it('keeps names, date of birth, SSID and free text out of the stored rows, and reads them back whole', async () => {
    const s = await store();
    const fields = completeFields({ firstName: 'Xiomara', lastName: 'Quintanilla', dateOfBirth: '2012-07-19', ssid: '5829163740', email: 'xq@example.org' });
    const saved = await seedRecord(s, null, fields);
    await confirmApplications(s, [saved.id]);

    const raw = await rawRows(s);
    for (const secret of ['Xiomara', 'Quintanilla', '2012-07-19', '5829163740', 'xq@example.org']) expect(raw).not.toContain(secret);
    // Plain columns stay indexable.
    expect(await s.db.applications.where('status').equals('queued').count()).toBe(1);

    expect((await readRecord(s, saved.id)).fields).toMatchObject({ firstName: 'Xiomara', ssid: '5829163740', email: 'xq@example.org' });
    const [row] = await readOutbox(s);
    expect(row?.mutation).toMatchObject({ recordId: saved.id, application: { lastName: 'Quintanilla' } });
  });

  it('cannot be read while the vault is locked', async () => {
    const s = await store();
    await seedRecord(s, null, completeFields());
    s.vault.lock();
    await expect(listApplications(s.db)).rejects.toThrow(/locked/);
  });
});

describe('upgrading from version 1 with real data in it', () => {
  it('opens, and the first unlock seals every plain row while keeping it readable', async () => {
    const name = testDbName();
    const old = new Dexie(name);
    // The version-1 schema exactly as the previous release declared it.
    old.version(1).stores({
      applications: 'id, batchId, status, updatedAt, schoolId, studentId',
      batches: 'id, createdAt',
      outbox: 'mutationId, recordId',
      schools: 'id',
      roster: 'studentId, ssidHash, schoolId',
      meta: 'key',
    });
    const draft = application({ fields: { ...application().fields, firstName: 'Ximena' } });
    const queued = application({ id: uuidv7(), status: 'queued', version: 2 });
    await old.table('applications').bulkAdd([draft, queued]);
    await old.table('outbox').add(outboxRow(queued, 7));
    await old.table('meta').put({ key: 'nextMutationId', value: 8 });
    old.close();

    const s = await store(name);
    // Up to the latest version: version 3 only adds the store of sheets pulled for a second keyer, empty.
    expect(s.db.verno).toBe(3);
    expect(await s.db.sheetsToVerify.count()).toBe(0);
    await afterUnlock(s, null);

    const raw = await rawRows(s);
    expect(raw).not.toContain('Ximena');
    expect(raw).not.toContain('1234567890');
    expect(await readRecord(s, draft.id)).toEqual(draft);
    expect(await readRecord(s, queued.id)).toEqual(queued);
    expect(await readOutbox(s)).toEqual([outboxRow(queued, 7)]);

    // Confirming goes on from the old counter.
    const edited = await saveDraft(s.db, { ...queued, fields: completeFields(), ssidRekey: completeFields().ssid });
    await confirmApplications(s, [edited.id]);
    expect((await readOutbox(s)).map((r) => [r.mutationId, r.version])).toEqual([[7, 2], [8, 3]]);
  });
});

describe('two tabs on one tablet', () => {
  it('neither lose nor double a record or an outbox row when they save and confirm at once', async () => {
    const name = testDbName();
    const tabA = await store(name);
    const tabB = await store(name);
    const records = await Promise.all(
      Array.from({ length: 6 }, (_, i) => seedRecord(i % 2 === 0 ? tabA : tabB, null, completeFields({ firstName: `Tab${i}`, ssid: String(2038475610 + i) }))),
    );
    const ids = records.map((r) => r.id);

    // Both tabs confirm every record at the same moment.
    const [a, b] = await Promise.all([confirmApplications(tabA, ids), confirmApplications(tabB, ids)]);
    expect([...a.confirmed, ...b.confirmed].sort()).toEqual([...ids].sort());

    const outbox = await readOutbox(tabA);
    expect(outbox.map((r) => r.recordId).sort()).toEqual([...ids].sort());
    expect(new Set(outbox.map((r) => r.mutationId)).size).toBe(ids.length);
    const listed = await listApplications(tabB.db);
    expect(listed.map((r) => r.fields.firstName).sort()).toEqual(['Tab0', 'Tab1', 'Tab2', 'Tab3', 'Tab4', 'Tab5']);
    expect(listed.every((r) => r.status === 'queued')).toBe(true);
  });

  it('keep both edits of one record in order: the later save is the one stored, with one version', async () => {
    const name = testDbName();
    const tabA = await store(name);
    const tabB = await store(name);
    const saved = await seedRecord(tabA, null, completeFields());
    const input = { ...saved, batchId: null };
    await Promise.all([
      saveDraft(tabA.db, { ...input, fields: completeFields({ city: 'Fresno' }) }),
      saveDraft(tabB.db, { ...input, fields: completeFields({ city: 'Merced' }) }),
    ]);
    const stored = await readRecord(tabA, saved.id);
    expect(['Fresno', 'Merced']).toContain(stored.fields.city);
    expect(stored.version).toBe(1);
    expect(await tabA.db.applications.count()).toBe(1);
  });
});
