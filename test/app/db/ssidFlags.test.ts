/**
 * The plain flag beside each record of how its SSID stood between two keyers
 * (issue 10's batch line, issue 14's home screen): written with every seal
 * along a sheet's life, on this tablet and from other tablets, and filled in
 * once after unlock on rows sealed before it, so the batches list counts the
 * same as opening every record and, from the second unlock, opens none.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/app/db/connection';
import { confirmApplications, saveDraft } from '../../../src/app/db/applications';
import { readApplications } from '../../../src/app/db/records';
import { createBatch } from '../../../src/app/db/batches';
import type { LocalApplication } from '../../../src/app/db/schema';
import { listSheetsToVerify, storeSheetsToVerify, takeVerifiedSheet } from '../../../src/app/db/sheetsToVerify';
import { readSheetsThatMayWait } from '../../../src/app/db/sheetsThatMayWait';
import { lacksSsidFlag } from '../../../src/app/db/ssidFlags';
import { prepareVerifiedElsewhere, writeVerifiedElsewhere } from '../../../src/app/db/verifiedElsewhere';
import type { StoredApplication } from '../../../src/app/crypto/sealed-fields';
import { afterUnlock } from '../../../src/app/services/afterUnlock';
import { confirmedApplicationSchema } from '../../../src/shared/application';
import { uuidv7 } from '../../../src/shared/ids';
import { countSsidDisagreements, tallySsidDisagreements, type SsidDisagreements } from '../../../src/shared/ssid-disagreements';
import { verifiedValuesOf, verifySheet, type VerifiedValues } from '../../../src/shared/verify-sheet';
import { applicationsOpened, changeRecord, completeFields, readRecord, seedRecord, storesClosedAfterEach, TEST_PASSPHRASE, testDbName } from '../harness';

const store = storesClosedAfterEach();

const AT = '2026-12-02T10:00:00.000Z';
const KEYERS = { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-bea' };
const SSIDS = ['2038475610', '3047586921', '4056172839', '5061728394', '6172839405'];

/** The SSIDs that differed, counted from the stored flags alone, after checking that every row carries one and that opening every record counts the same. */
async function fromFlags(s: Store): Promise<SsidDisagreements> {
  const rows = await s.db.applications.toArray();
  expect(rows.filter(lacksSsidFlag)).toEqual([]);
  const counted = tallySsidDisagreements(rows.map((row) => (row as StoredApplication).ssidDiffered ?? 'none'));
  expect(counted).toEqual(countSsidDisagreements(await readApplications(s.db)));
  return counted;
}

/** Saves the outcome of keying `record` again as the verify screen does: the values that stand with the verification, or the second look. */
async function keyAgain(s: Store, record: LocalApplication, second: Partial<VerifiedValues>, third: Partial<VerifiedValues> = {}, looks: Parameters<typeof verifySheet>[5] = {}) {
  const first = verifiedValuesOf(record.fields);
  const outcome = verifySheet(first, { ...first, ...second }, third, { ...KEYERS, enteredBy: 'u-ana' }, AT, looks);
  const base = { id: record.id, studentId: record.studentId, batchId: record.batchId, createdAt: record.createdAt, ssidRekey: record.ssidRekey, fields: record.fields };
  if (outcome.state === 'second_look') return saveDraft(s.db, { ...base, secondLook: outcome.lines });
  if (outcome.state !== 'verified') throw new Error(`not keyed to an end: ${outcome.state}`);
  return saveDraft(s.db, { ...base, fields: { ...record.fields, ...outcome.values }, ssidRekey: outcome.values.ssid, verification: outcome.verification });
}

/** The verification another tablet's second keyer made of `record`, its SSID typed differently and settled by the paper's third keying. */
function verifiedElsewhere(record: LocalApplication) {
  const first = verifiedValuesOf(record.fields);
  const outcome = verifySheet(first, { ...first, ssid: `${first.ssid.slice(0, 8)}00` }, { ssid: first.ssid }, KEYERS, AT);
  if (outcome.state !== 'verified') throw new Error('not verified');
  return outcome.verification;
}

describe('the SSID-disagreement flag beside each record', () => {
  it('says what opening the record says at every step of its sheets’ lives, on this tablet and from others', async () => {
    const s = await store();
    const batch = await createBatch(s.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 5, defaults: {}, verify: true });
    const typed = [];
    for (const [i, ssid] of SSIDS.slice(0, 4).entries()) typed.push(await seedRecord(s, batch.id, completeFields({ ssid, lastName: `Paper${i + 1}` }), ssid, 1_760_000_000_000 + i));
    const [settled, looked, named, elsewhere] = typed as [LocalApplication, LocalApplication, LocalApplication, LocalApplication];
    // The first keyer's entries: nothing keyed twice yet.
    expect(await fromFlags(s)).toEqual({ settled: 0, waiting: 0 });

    // The second keyer: one SSID slip the third keying settles, one the paper cannot settle, one name slip.
    await keyAgain(s, settled, { ssid: '2038475601' }, { ssid: SSIDS[0] });
    await keyAgain(s, looked, { ssid: '3047586912' }, { ssid: '3047586999' });
    await keyAgain(s, named, { lastName: 'Paper9' }, { lastName: 'Paper3' });
    expect(await fromFlags(s)).toEqual({ settled: 1, waiting: 1 });

    // A person's look at the paper settles the second look.
    await keyAgain(s, await readRecord(s, looked.id), { ssid: '3047586912' }, { ssid: '3047586999' }, { ssid: { reading: SSIDS[1]!, by: 'u-cy', at: AT } });
    expect(await fromFlags(s)).toEqual({ settled: 2, waiting: 0 });

    // Confirmed, and the fourth sent typed once for a second keyer on another tablet; then synced.
    const ids = [settled.id, looked.id, named.id];
    expect((await confirmApplications(s, ids)).confirmed).toEqual(ids);
    expect((await confirmApplications(s, [elsewhere.id], Date.now(), new Map([[elsewhere.id, 4]]))).confirmed).toEqual([elsewhere.id]);
    // The server's answer: each stored, its outbox row deleted.
    for (const id of [...ids, elsewhere.id]) await changeRecord(s, id, { status: 'synced', serverVersion: 1 });
    await s.db.outbox.clear();
    expect(await fromFlags(s)).toEqual({ settled: 2, waiting: 0 });

    // The other tablet's verification comes back in a pull, its SSID settled from the paper there.
    const held = await readRecord(s, elsewhere.id);
    const prepared = await prepareVerifiedElsewhere(s.db, s.records.key(), [{
      recordId: held.id, serverVersion: 2, application: confirmedApplicationSchema.parse(held.fields), verification: verifiedElsewhere(held),
    }], Date.now());
    await s.db.transaction('rw', s.db.applications, s.db.outbox, () => writeVerifiedElsewhere(s.db, prepared));
    expect((await readRecord(s, elsewhere.id)).verification).toBeDefined();
    expect(await fromFlags(s)).toEqual({ settled: 3, waiting: 0 });

    // A sheet another tablet typed, pulled here and verified here with its SSID settled from the paper.
    await storeSheetsToVerify(s.db, { batches: [{ batchId: batch.id, sheets: [{
      recordId: uuidv7(), studentId: uuidv7(), sheet: 5, serverVersion: 1, confirmedAt: AT,
      application: confirmedApplicationSchema.parse(completeFields({ ssid: SSIDS[4] })), enteredBy: { id: 'u-ana', name: 'Ana First' },
    }] }] });
    const [pulled] = await listSheetsToVerify(s.db, batch.id);
    const first = verifiedValuesOf(pulled!.application);
    const outcome = verifySheet(first, { ...first, ssid: '6172839450' }, { ssid: SSIDS[4] }, KEYERS, AT);
    if (outcome.state !== 'verified') throw new Error('not verified');
    await takeVerifiedSheet(s.db, pulled!, outcome.verification, outcome.values);
    expect(await fromFlags(s)).toEqual({ settled: 4, waiting: 0 });

    // An edit of a verified SSID drops the verification: typed once again, no longer a settled disagreement.
    const { id, studentId, batchId, createdAt, fields } = await readRecord(s, settled.id);
    await saveDraft(s.db, { id, studentId, batchId, createdAt, fields: { ...fields, ssid: '2038475619' }, ssidRekey: '2038475619' });
    expect(await fromFlags(s)).toEqual({ settled: 3, waiting: 0 });
  });
});

/** The batches list's SSID counts for `batchId`, as the home screen reads them. */
async function listed(s: Store, batchId: string): Promise<SsidDisagreements> {
  const { ssids } = await readSheetsThatMayWait(s.db);
  return tallySsidDisagreements(ssids.filter((row) => row.batchId === batchId).map((row) => row.ssid));
}

describe('upgrading from version 3 with records sealed before the flag', () => {
  it('counts them by opening them until the first unlock flags them, and opens none for the list after the next unlock', async () => {
    // A tablet's rows as version 3 stored them: sealed, synced, no flag.
    const source = await store();
    const batch = await createBatch(source.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 3, defaults: {}, verify: true });
    for (const [i, ssid] of SSIDS.slice(0, 3).entries()) {
      const record = await seedRecord(source, batch.id, completeFields({ ssid }), ssid, 1_760_000_000_000 + i);
      if (i < 2) await keyAgain(source, record, { ssid: `${ssid.slice(0, 8)}00` }, { ssid });
      await changeRecord(source, record.id, { status: 'synced', serverVersion: 1 });
    }
    const rows = (await source.db.applications.toArray()).map((row) => {
      const copy: Partial<StoredApplication> = { ...row };
      delete copy.ssidDiffered;
      return copy;
    });
    const [meta, batches] = [await source.db.meta.toArray(), await source.db.batches.toArray()];

    const name = testDbName();
    const old = new Dexie(name);
    // The schema exactly as version 3 declared it.
    old.version(1).stores({
      applications: 'id, batchId, status, updatedAt, schoolId, studentId', batches: 'id, createdAt', outbox: 'mutationId, recordId',
      schools: 'id', roster: 'studentId, ssidHash, schoolId', meta: 'key',
    });
    old.version(2).stores({});
    old.version(3).stores({ sheetsToVerify: 'id, batchId' });
    await old.table('applications').bulkAdd(rows);
    await old.table('meta').bulkAdd(meta);
    await old.table('batches').bulkAdd(batches);
    old.close();

    const s = await store(name);
    expect(s.db.verno).toBe(4);
    expect((await s.db.applications.toArray()).filter(lacksSsidFlag)).toHaveLength(3);
    // Before the first unlock's pass fills the flags in, the list opens the rows without one.
    expect(await listed(s, batch.id)).toEqual({ settled: 2, waiting: 0 });

    await afterUnlock(s, null);
    expect(await fromFlags(s)).toEqual({ settled: 2, waiting: 0 });

    s.vault.lock();
    await s.vault.unlock(TEST_PASSPHRASE);
    let counted: SsidDisagreements | undefined;
    expect(await applicationsOpened(async () => {
      await afterUnlock(s, null);
      counted = await listed(s, batch.id);
    })).toBe(0);
    expect(counted).toEqual({ settled: 2, waiting: 0 });
  });
});
