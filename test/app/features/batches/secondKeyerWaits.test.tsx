// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications, saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
import { keepSecondLook, listSheetsToVerify, storeSheetsToVerify } from '../../../../src/app/db/sheetsToVerify';
import { confirmedApplicationSchema } from '../../../../src/shared/application';
import { uuidv7 } from '../../../../src/shared/ids';
import { seriousViolations } from '../../axe';
import { changeRecord, completeFields, readRecord, renderApp, screenStorePerTest, seedRecord } from '../../harness';
import { paths } from '../../../../src/app/paths';

const current = screenStorePerTest();

/** A verifying batch of seven: two typed, one in "Needs a second look", one sent elsewhere not yet synced, two sent and synced, one draft. */
async function seedVerifyingBatch() {
  const store = current();
  const batch = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 7, defaults: {}, verify: true });
  const t = 1_760_000_000_000;
  const ssids = ['2038475610', '3047586921', '4056172839', '5061728394', '6172839405', '7283940516'];
  const records = [];
  for (const [i, ssid] of ssids.entries()) records.push(await seedRecord(store, batch.id, completeFields({ ssid, lastName: `Paper${i + 1}` }), ssid, t + i));
  await seedRecord(store, batch.id, completeFields({ ssid: '304958672', lastName: 'Paper7' }), '304958672', t + 6);
  const [, , looked, sentOne, sentTwo, sentThree] = records as [typeof records[0], typeof records[0], typeof records[0], typeof records[0], typeof records[0], typeof records[0]];
  const { id, studentId, createdAt, ssidRekey, fields } = await readRecord(store, looked.id);
  await saveDraft(store.db, { id, studentId, batchId: batch.id, createdAt, ssidRekey, fields, secondLook: [{ field: 'ssid', values: ['4056172830', '4056172839', '4056172893'] }] });
  const sent = [sentOne.id, sentTwo.id, sentThree.id];
  expect((await confirmApplications(store, sent, Date.now(), new Map(sent.map((s, i) => [s, i + 4])))).confirmed).toEqual(sent);
  // The server took two of them: their push answers made them synced at version 1.
  for (const s of [sentTwo.id, sentThree.id]) await changeRecord(store, s, { status: 'synced', serverVersion: 1 });
  return batch;
}

/** Two sheets another tablet typed, pulled here for a second keyer: one not keyed yet, one the paper left in "Needs a second look". */
async function seedPulledBatch() {
  const store = current();
  const batchId = uuidv7();
  const sheet = (n: number, ssid: string) => ({
    recordId: uuidv7(), studentId: uuidv7(), sheet: n, serverVersion: 1, confirmedAt: '2026-11-30T10:00:00.000Z',
    application: confirmedApplicationSchema.parse(completeFields({ ssid })), enteredBy: { id: 'u-ana', name: 'Ana First' },
  });
  await storeSheetsToVerify(store.db, { batches: [{ batchId, sheets: [sheet(1, '3047586921'), sheet(2, '4056172839')] }] });
  const [, looked] = await listSheetsToVerify(store.db, batchId);
  const keyed = { ssid: '4056172830', firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '2012-03-15' };
  await keepSecondLook(store.db, looked!, [{ field: 'ssid', values: ['4056172830', '4056172839', '4056172893'] }], {
    second: keyed, third: { ssid: '4056172893' }, keyers: { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-bea' }, at: '2026-11-30T11:00:00.000Z',
  });
  return batchId;
}

/** The lines of a list named "Not verified yet" inside `container`. */
const waitLines = (container: HTMLElement) => within(within(container).getByRole('list', { name: 'Not verified yet' })).getAllByRole('listitem').map((li) => li.textContent);

describe('a batch’s sheets waiting for a second keyer', () => {
  it('says on the batch screen how many wait, and where, so the batch does not look done', async () => {
    const batch = await seedVerifyingBatch();
    renderApp(current(), paths.batch(batch.id));
    const waits = await screen.findByRole('list', { name: 'Not verified yet' });
    expect(within(waits).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 sheets wait for a second keyer on this tablet.',
      '1 sheet needs a second look at the paper on this tablet.',
      '1 sheet waits to be verified on another tablet after the next sync.',
      '2 sheets wait for a second keyer on another tablet.',
    ]);
    expect(screen.getByText('7 of 7 entered, 3 confirmed, 1 with problems')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('says nothing of a second keyer for a batch that does not verify', async () => {
    const store = current();
    const batch = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 2, defaults: {} });
    await seedRecord(store, batch.id, completeFields());
    renderApp(store, paths.batch(batch.id));
    await screen.findByText('1 of 2 entered, 0 confirmed, 0 with problems');
    expect(screen.queryByRole('list', { name: 'Not verified yet' })).toBeNull();
  });

  it('says on each card of the batches list where its sheets wait, so a verifying batch does not look done there either', async () => {
    const store = current();
    await seedVerifyingBatch();
    await seedPulledBatch();
    const plain = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 3, defaults: {} });
    await seedRecord(store, plain.id, completeFields());
    renderApp(store, paths.batches());
    const card = async (summary: string) => (await screen.findByText(summary)).closest('li')!;
    expect(waitLines(await card('7 of 7 entered, 3 confirmed, 1 with problems'))).toEqual([
      '2 sheets wait for a second keyer on this tablet.',
      '1 sheet needs a second look at the paper on this tablet.',
      '1 sheet waits to be verified on another tablet after the next sync.',
      '2 sheets wait for a second keyer on another tablet.',
    ]);
    expect(waitLines(await card('0 of 2 entered, 0 confirmed, 0 with problems'))).toEqual([
      '1 sheet waits for a second keyer on this tablet.',
      '1 sheet needs a second look at the paper on this tablet.',
    ]);
    expect(within(await card('1 of 3 entered, 0 confirmed, 0 with problems')).queryByRole('list', { name: 'Not verified yet' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('counts on the batch screen the sheets pulled here for a second keyer', async () => {
    const batchId = await seedPulledBatch();
    renderApp(current(), paths.batch(batchId));
    await screen.findByRole('list', { name: 'Not verified yet' });
    expect(waitLines(document.body)).toEqual([
      '1 sheet waits for a second keyer on this tablet.',
      '1 sheet needs a second look at the paper on this tablet.',
    ]);
  });
});
