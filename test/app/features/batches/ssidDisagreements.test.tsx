// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
import { keepSecondLook, listSheetsToVerify, storeSheetsToVerify } from '../../../../src/app/db/sheetsToVerify';
import { paths } from '../../../../src/app/paths';
import { confirmedApplicationSchema } from '../../../../src/shared/application';
import { uuidv7 } from '../../../../src/shared/ids';
import { REQUIRED_VERIFIED_FIELDS, type Verification, type VerifiedField } from '../../../../src/shared/verification-record';
import { seriousViolations } from '../../axe';
import { changeRecord, completeFields, readRecord, renderApp, screenStorePerTest, seedRecord } from '../../harness';

const current = screenStorePerTest();
const AT = '2026-11-30T11:00:00.000Z';

/** Bea's verification of a sheet carrying `values`: she typed `differed` otherwise, and the paper's third keying agreed with the first. */
function verification(values: Record<VerifiedField, string>, differed: VerifiedField): Verification {
  return {
    enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-ana', verifiedAt: AT,
    fields: REQUIRED_VERIFIED_FIELDS.map((field) => ({
      field, first: values[field], value: values[field], by: 'u-bea', at: AT,
      ...(field === differed ? { second: `${values[field]}9`, third: values[field] } : { second: values[field] }),
    })),
  };
}

/** Saves the record again as the verify screen does: with a verification, or in a second look. */
async function keyAgain(id: string, change: { differed: VerifiedField } | { lookAt: VerifiedField }) {
  const store = current();
  const { studentId, batchId, createdAt, ssidRekey, fields } = await readRecord(store, id);
  const base = { id, studentId, batchId, createdAt, ssidRekey, fields };
  if ('lookAt' in change) return saveDraft(store.db, { ...base, secondLook: [{ field: change.lookAt, values: ['1', '2', '3'] }] });
  return saveDraft(store.db, { ...base, verification: verification(fields, change.differed) });
}

/** A verifying batch of four: two SSIDs the paper settled (one sheet synced since), one SSID in a second look, one name the paper settled. */
async function seedBatch() {
  const store = current();
  const batch = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 4, defaults: {}, verify: true });
  const ssids = ['2038475610', '3047586921', '4056172839', '5061728394'];
  const ids = [];
  for (const [i, ssid] of ssids.entries()) ids.push((await seedRecord(store, batch.id, completeFields({ ssid, lastName: `Paper${i + 1}` }), ssid, 1_760_000_000_000 + i)).id);
  const [synced, settled, looked, named] = ids as [string, string, string, string];
  await keyAgain(synced, { differed: 'ssid' });
  await changeRecord(store, synced, { status: 'synced', serverVersion: 1 });
  await keyAgain(settled, { differed: 'ssid' });
  await keyAgain(looked, { lookAt: 'ssid' });
  await keyAgain(named, { differed: 'lastName' });
  return batch;
}

/** A batch another tablet typed, one sheet of it pulled here and left in a second look on its SSID. */
async function seedPulledBatch() {
  const store = current();
  const batchId = uuidv7();
  await storeSheetsToVerify(store.db, { batches: [{ batchId, sheets: [{
    recordId: uuidv7(), studentId: uuidv7(), sheet: 1, serverVersion: 1, confirmedAt: '2026-11-30T10:00:00.000Z',
    application: confirmedApplicationSchema.parse(completeFields({ ssid: '4056172839' })), enteredBy: { id: 'u-ana', name: 'Ana First' },
  }] }] });
  const [sheet] = await listSheetsToVerify(store.db, batchId);
  await keepSecondLook(store.db, sheet!, [{ field: 'ssid', values: ['4056172830', '4056172839', '4056172893'] }], {
    second: { ssid: '4056172830', firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '2012-03-15' }, third: { ssid: '4056172893' },
    keyers: { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-bea' }, at: AT,
  });
}

const LINE = '3 SSIDs differed between keyers; 2 settled from the paper, 1 waits for a second look.';

describe('the SSIDs a batch’s keyers typed differently', () => {
  it('are counted on the batch screen next to its sheets still waiting, synced sheets included', async () => {
    const batch = await seedBatch();
    renderApp(current(), paths.batch(batch.id));
    await screen.findByText(LINE);
    expect(screen.getByRole('list', { name: 'Not verified yet' }).textContent).toContain('1 sheet needs a second look at the paper on this tablet.');
    expect(await seriousViolations()).toEqual([]);
  });

  it('are counted on each batch card that has any, and on no other', async () => {
    const store = current();
    await seedBatch();
    await seedPulledBatch();
    const plain = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 3, defaults: {} });
    await seedRecord(store, plain.id, completeFields());
    renderApp(store, paths.batches());
    const card = async (summary: string) => (await screen.findByText(summary)).closest('li')!;
    expect(within(await card('4 of 4 entered, 1 confirmed, 0 with problems')).getByText(LINE)).toBeTruthy();
    expect(within(await card('0 of 1 entered, 0 confirmed, 0 with problems')).getByText('1 SSID differed between keyers; it waits for a second look.')).toBeTruthy();
    expect((await card('1 of 3 entered, 0 confirmed, 0 with problems')).textContent).not.toContain('differed');
    expect(await seriousViolations()).toEqual([]);
  });
});
