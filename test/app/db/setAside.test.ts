/**
 * Fault tests for design section 14: rows of each kind that fail their schema,
 * written straight into IndexedDB (fake-indexeddb), never make a list, the
 * review's records, the roster or a backup fail; each is set aside and listed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { listApplications, listBatchApplications } from '../../../src/app/db/applications';
import { listBatches } from '../../../src/app/db/batches';
import { readRoster } from '../../../src/app/db/roster';
import { findSetAside, readSetAside } from '../../../src/app/db/setAsideRows';
import { removeSetAside, repairApplication } from '../../../src/app/db/repair';
import { recordIndex } from '../../../src/app/db/records';
import { exportBackup, importBackup } from '../../../src/app/backup/store';
import { decryptBackup } from '../../../src/app/backup/envelope';
import { makeSealedCopy } from '../../../src/app/backup/sealed-copy';
import { sealedRows } from '../../../src/app/db/rowCodec';
import { openTestStore, readRecord, TEST_ITERATIONS, TEST_PASSPHRASE } from '../harness';
import { writeBadRows } from './badRows';

const FILE_PASSPHRASE = 'blue heron at dawn';
let store: Store;
let other: Store;

beforeEach(async () => {
  store = await openTestStore();
  other = await openTestStore();
});
afterEach(() => {
  closeStore(store);
  closeStore(other);
});

describe('rows that fail their schema', () => {
  it('leave every list readable and are each listed as set aside with why', async () => {
    const { batch, good } = await writeBadRows(store);

    expect((await listApplications(store.db)).map((a) => a.id).sort()).toEqual(good.map((a) => a.id).sort());
    const review = await listBatchApplications(store.db, batch.id);
    expect(review.records).toHaveLength(2);
    expect(review.setAside.map((row) => row.key).sort()).toEqual(['app-30315', 'app-moved', 'app-plain']);
    expect((await listBatches(store.db)).map((b) => b.id)).toEqual([batch.id]);
    expect(await readRoster(store.db)).toEqual([]);

    const aside = await readSetAside(store.db);
    expect(aside.map((row) => `${row.table}/${row.key}`).sort()).toEqual(
      ['applications/app-30315', 'applications/app-moved', 'applications/app-plain', 'batches/batch-bad', 'outbox/900', 'roster/st-bad'].sort(),
    );
    const year30315 = aside.find((row) => row.key === 'app-30315')!;
    expect(year30315.reason).toBe('These values do not fit: Date of birth.');
    expect(year30315.batchId).toBe(batch.id);
    expect((year30315.readable.fields as Record<string, unknown>).dateOfBirth).toBe('30315-03-15');
    expect(aside.find((row) => row.key === 'app-moved')?.reason).toBe('Its encrypted part could not be opened.');
    // A reason names fields, never their values.
    for (const row of aside) expect(row.reason).not.toMatch(/30315|Ramírez|Lopez/);
  });

  it('are checked one at a time as the whole read lists them; a row that reads well, or is gone, is not found', async () => {
    const { batch, good } = await writeBadRows(store);
    const aside = await readSetAside(store.db);
    for (const [table, key] of [['applications', 'app-30315'], ['batches', 'batch-bad'], ['outbox', '900'], ['roster', 'st-bad']] as const) {
      expect((await findSetAside(store.db, table, key))?.row).toEqual(aside.find((row) => row.table === table && row.key === key));
    }
    expect(await findSetAside(store.db, 'applications', good[0]!.id)).toBeUndefined();
    expect(await findSetAside(store.db, 'batches', batch.id)).toBeUndefined();
    expect(await findSetAside(store.db, 'outbox', 'not-a-number')).toBeUndefined();
    expect(await findSetAside(store.db, 'roster', 'st-none')).toBeUndefined();
  });

  it('are listed on every read however the stored rows change between reads, the same key rewritten included', async () => {
    const { good } = await writeBadRows(store);
    const keys = async () => (await readSetAside(store.db)).map((row) => `${row.table}/${row.key}`).sort();
    const before = await keys();
    expect(before).toContain('outbox/900');
    // A good record's seal swapped, in place, for one that does not open under its id: listed at once.
    const goodRow = (await store.db.applications.get(good[0]!.id))!;
    const moved = (await store.db.applications.get('app-moved'))! as unknown as { sealed: object };
    await store.db.applications.put({ ...goodRow, sealed: moved.sealed } as never);
    expect(await keys()).toEqual([...before, `applications/${good[0]!.id}`].sort());
    // Set-aside rows rewritten so they read, or removed: gone at once.
    await store.db.applications.put(goodRow);
    await store.db.outbox.delete(900);
    await store.db.batches.put({ ...(await store.db.batches.get('batch-bad'))!, sheetCount: 3 } as never);
    expect(await keys()).toEqual(before.filter((key) => key !== 'outbox/900' && key !== 'batches/batch-bad'));
  });

  it('go into a backup as they were read, and the backup imports on another tablet', async () => {
    const { good } = await writeBadRows(store);
    const codec = sealedRows(recordIndex(store.db).key());
    const { text, records, setAside } = await exportBackup(store.db, FILE_PASSPHRASE, { codec, iterations: TEST_ITERATIONS });

    expect(records).toBe(2);
    expect(setAside).toBe(4);
    const { contents } = await decryptBackup(text, FILE_PASSPHRASE);
    const year30315 = contents.setAside?.find((row) => row.key === 'app-30315');
    expect((year30315?.readable.fields as Record<string, unknown>).lastName).toBe('Ramírez');

    const report = await importBackup(other.db, text, FILE_PASSPHRASE, sealedRows(recordIndex(other.db).key()));
    expect(report.added).toBe(2);
    expect((await listApplications(other.db)).map((a) => a.id).sort()).toEqual(good.map((a) => a.id).sort());
  });

  it('go into a sealed copy as they were read, and the copy still brings back every good record with the old passphrase', async () => {
    const { good } = await writeBadRows(store);
    const { text } = await makeSealedCopy(store.db);

    const report = await importBackup(other.db, text, TEST_PASSPHRASE, sealedRows(recordIndex(other.db).key()));
    expect(report.added).toBe(2);
    expect((await listApplications(other.db)).map((a) => a.id).sort()).toEqual(good.map((a) => a.id).sort());
  });

  it('can be corrected in the form: values that fit are kept, the year 30315 starts blank, and it is a draft again', async () => {
    await writeBadRows(store);
    const { record, blanked } = await repairApplication(store.db, 'app-30315');

    expect(blanked).toEqual(['dateOfBirth']);
    const stored = await readRecord(store, 'app-30315');
    expect(stored).toEqual(record);
    expect(stored.fields.lastName).toBe('Ramírez');
    expect(stored.fields.dateOfBirth).toBe('');
    expect(stored.status).toBe('draft');
    expect((await readSetAside(store.db)).map((row) => row.key)).not.toContain('app-30315');
  });

  it('can be removed for good, and only while it is still set aside', async () => {
    const { good } = await writeBadRows(store);
    await removeSetAside(store.db, 'outbox', '900');
    await removeSetAside(store.db, 'batches', 'batch-bad');

    expect(await store.db.outbox.get(900)).toBeUndefined();
    expect(await store.db.batches.get('batch-bad')).toBeUndefined();
    await expect(removeSetAside(store.db, 'applications', good[0]!.id)).rejects.toThrow('changed on the tablet');
    expect(await store.db.applications.get(good[0]!.id)).toBeDefined();
  });
});
