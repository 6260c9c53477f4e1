// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications, saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
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
});
