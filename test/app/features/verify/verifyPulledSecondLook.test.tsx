// @vitest-environment jsdom
/**
 * A sheet typed on another tablet and pulled here for a second keyer that ends
 * in "Needs a second look" is settled here from the paper (verification.ts
 * rule 5), as one of this tablet's own sheets is, and becomes a record of this
 * tablet, verified and confirmable.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications } from '../../../../src/app/db/applications';
import { META } from '../../../../src/app/db/meta';
import { storeSheetsToVerify } from '../../../../src/app/db/sheetsToVerify';
import { confirmedApplicationSchema } from '../../../../src/shared/application';
import { uuidv7 } from '../../../../src/shared/ids';
import { seriousViolations } from '../../axe';
import { completeFields, readRecord, renderApp, screenStorePerTest } from '../../harness';

const getStore = screenStorePerTest();

/** Bea's tablet, with one sheet Ana typed on hers pulled for a second keyer. */
async function pulledSheet() {
  const store = getStore();
  await store.db.meta.bulkPut([
    { key: META.session, value: { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'u-bea', email: 'bea@example.org', name: 'Bea Second', role: 'advisor', centerId: 'c1' }, expired: false } },
    { key: META.advisors, value: [{ id: 'u-ana', name: 'Ana First' }, { id: 'u-bea', name: 'Bea Second' }, { id: 'u-cy', name: 'Cy Third' }] },
  ]);
  const batchId = uuidv7();
  const recordId = uuidv7();
  await storeSheetsToVerify(store.db, {
    batches: [{
      batchId,
      sheets: [{
        recordId, studentId: uuidv7(), sheet: 1, serverVersion: 1, confirmedAt: '2026-11-30T10:00:00.000Z',
        application: confirmedApplicationSchema.parse(completeFields({ ssid: '3047586921' })), enteredBy: { id: 'u-ana', name: 'Ana First' },
      }],
    }],
  });
  return { store, batchId, recordId };
}

function keySheet(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
  fireEvent.submit(screen.getByRole('button', { name: /Next sheet|Settle from the paper/ }).closest('form')!);
}

describe('a pulled sheet in "Needs a second look"', () => {
  it('is settled here from the paper by a person other than its first keyer, and becomes this tablet’s verified record', async () => {
    const { store, batchId, recordId } = await pulledSheet();
    renderApp(store, `/batches/${batchId}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    keySheet({ 'CA SSID': '3047586912', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('alert');
    keySheet({ 'CA SSID': '3047586900' });

    const look = await screen.findByRole('region', { name: 'Needs a second look' });
    expect(look.textContent).toContain('3047586912 · 3047586921 · 3047586900');
    fireEvent.click(screen.getByRole('button', { name: 'Read sheet 1 from the paper' }));
    const picker = await screen.findByRole('group', { name: /Who is reading the paper/ });
    expect(picker.textContent).not.toContain('Ana First');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'Cy Third' }));
    fireEvent.input(screen.getByLabelText('CA SSID as the paper reads'), { target: { value: '3047586921' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Settle sheet 1' }).closest('form')!);

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Needs a second look' })).toBeNull());
    expect(await store.db.sheetsToVerify.count()).toBe(0);
    const record = await readRecord(store, recordId);
    expect([record.fields.ssid, record.serverVersion, record.verification?.enteredBy, record.verification?.verifiedBy]).toEqual(['3047586921', 1, 'u-ana', 'u-bea']);
    expect(record.verification?.fields.find((f) => f.field === 'ssid')).toMatchObject({
      first: '3047586921', second: '3047586912', third: '3047586900', value: '3047586921', secondLook: { reading: '3047586921', by: 'u-cy' },
    });
    expect((await confirmApplications(store, [recordId])).confirmed).toEqual([recordId]);
  });
});
