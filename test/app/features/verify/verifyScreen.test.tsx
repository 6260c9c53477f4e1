// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { META } from '../../../../src/app/db/meta';
import { seriousViolations } from '../../axe';
import { completeFields, readRecord, renderApp, screenStorePerTest, seedBatch, seedRecord } from '../../harness';

const getStore = screenStorePerTest();

async function seedTabletOf(firstKeyer: string) {
  const store = getStore();
  await store.db.meta.bulkPut([
    { key: META.session, value: { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: firstKeyer, email: 'ana@example.org', name: 'Ana First', role: 'advisor', centerId: 'c1' }, expired: false } },
    { key: META.advisors, value: [{ id: 'u-ana', name: 'Ana First' }, { id: 'u-bea', name: 'Bea Second' }] },
  ]);
  const batch = await seedBatch(store, 2);
  const one = await seedRecord(store, batch.id, completeFields({ ssid: '2038475610', firstName: 'Maria' }), undefined, 1_760_000_000_000);
  const two = await seedRecord(store, batch.id, completeFields({ ssid: '3047586921', firstName: 'Rosa' }), undefined, 1_760_000_001_000);
  return { store, batch, one, two };
}

function keySheet(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
  fireEvent.submit(screen.getByRole('button', { name: /Next sheet|Settle from the paper/ }).closest('form')!);
}

describe('Verify batch', () => {
  it('offers every advisor but the first keyer, and keys each sheet blind: no first value in the DOM, no autofill', async () => {
    const { store, batch, one } = await seedTabletOf('u-ana');
    renderApp(store, `/batches/${batch.id}/verify`);
    const picker = await screen.findByRole('group', { name: /Who is verifying/ });
    expect(picker.textContent).toContain('Bea Second');
    expect(picker.textContent).not.toContain('Ana First');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    const html = document.body.innerHTML;
    for (const secret of ['2038475610', 'Maria', 'Lopez', '2012-03-15', '03/15/2012']) expect(html).not.toContain(secret);
    for (const input of document.querySelectorAll('form input')) {
      expect(input.getAttribute('autocomplete')).toBe('off');
      expect((input as HTMLInputElement).value).toBe('');
    }
    expect(await seriousViolations()).toEqual([]);

    // One SSID digit misread by the second keyer: the screen names the field only, and asks the paper.
    keySheet({ 'CA SSID': '2038475601', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    const asked = await screen.findByRole('alert');
    expect(asked.textContent).toContain('CA SSID');
    expect(document.body.innerHTML).not.toContain('2038475610');
    expect(document.body.innerHTML).not.toContain('2038475601');
    keySheet({ 'CA SSID': '2038475610' });
    await screen.findByRole('heading', { name: 'Sheet 2' });
    await waitFor(async () => expect((await readRecord(store, one.id)).verification?.verifiedBy).toBe('u-bea'));
    expect((await readRecord(store, one.id)).fields.ssid).toBe('2038475610');
    expect(screen.getByRole('status').textContent).toContain('1 SSID differed between keyers; it was settled from the paper.');
  });

  it('puts the cursor in the first blank field of each sheet and of each question to the paper, so the keyer types on', async () => {
    const { store, batch } = await seedTabletOf('u-ana');
    renderApp(store, `/batches/${batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    await waitFor(() => expect(document.activeElement?.id).toBe('second-ssid'));
    keySheet({ 'CA SSID': '2038475601', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement?.id).toBe('paper-ssid'));
    keySheet({ 'CA SSID': '2038475610' });
    await screen.findByRole('heading', { name: 'Sheet 2' });
    await waitFor(() => expect(document.activeElement?.id).toBe('second-ssid'));
  });

  it('sends a sheet whose paper keying agrees with neither to "Needs a second look", the three values sorted', async () => {
    const { store, batch, two } = await seedTabletOf('u-ana');
    renderApp(store, `/batches/${batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    keySheet({ 'CA SSID': '2038475610', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('heading', { name: 'Sheet 2' });
    keySheet({ 'CA SSID': '3047586912', 'First name': 'Rosa', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('alert');
    keySheet({ 'CA SSID': '3047586900' });
    const look = await screen.findByRole('region', { name: 'Needs a second look' });
    expect(look.textContent).toContain('3047586912 · 3047586921 · 3047586900');
    expect((await readRecord(store, two.id)).verification).toBeUndefined();
  });
});
