// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications, saveDraft } from '../../../../src/app/db/applications';
import { META } from '../../../../src/app/db/meta';
import type { ApplicationFields } from '../../../../src/shared/application';
import { seriousViolations } from '../../axe';
import { completeFields, readRecord, renderApp, screenStorePerTest, seedBatch, seedRecord } from '../../harness';

const getStore = screenStorePerTest();

async function seedTabletOf(firstKeyer: string, sheetOne: Partial<ApplicationFields> = {}) {
  const store = getStore();
  await store.db.meta.bulkPut([
    { key: META.session, value: { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: firstKeyer, email: 'ana@example.org', name: 'Ana First', role: 'advisor', centerId: 'c1' }, expired: false } },
    { key: META.advisors, value: [{ id: 'u-ana', name: 'Ana First' }, { id: 'u-bea', name: 'Bea Second' }, { id: 'u-cy', name: 'Cy Third' }] },
  ]);
  const batch = await seedBatch(store, 2);
  const one = await seedRecord(store, batch.id, completeFields({ ssid: '2038475610', firstName: 'Maria', ...sheetOne }), undefined, 1_760_000_000_000);
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

  it('keys the fields the center added when the batch started too, blind, and settles one the keyers typed differently from the paper', async () => {
    const store = getStore();
    await store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy: 'default', requiredSince: null, fields: ['schoolStudentId'] } } });
    const { batch, one } = await seedTabletOf('u-ana', { schoolStudentId: 'LA4471X2' });
    // A setting changed while the stack is typed does not change what its second keyer types.
    await store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy: 'default', requiredSince: null, fields: [] } } });
    renderApp(store, `/batches/${batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    expect([...document.querySelectorAll('form label')].map((l) => l.textContent)).toEqual(['CA SSID', 'First name', 'Last name', 'Date of birth', 'School Student ID']);
    expect(document.body.innerHTML).not.toContain('LA4471X2');
    expect((screen.getByLabelText('School Student ID') as HTMLInputElement).autocomplete).toBe('off');
    expect(await seriousViolations()).toEqual([]);

    keySheet({ 'CA SSID': '2038475610', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012', 'School Student ID': 'LA4417X2' });
    expect((await screen.findByRole('alert')).textContent).toContain('The two keyings differ in School Student ID.');
    expect(document.body.innerHTML).not.toContain('LA4471X2');
    expect(screen.queryByLabelText('CA SSID')).toBeNull();
    keySheet({ 'School Student ID': 'LA4471X2' });
    await screen.findByRole('heading', { name: 'Sheet 2' });
    await waitFor(async () => expect((await readRecord(store, one.id)).verification).toBeDefined());
    const { verification, fields } = await readRecord(store, one.id);
    expect(fields.schoolStudentId).toBe('LA4471X2');
    expect(verification?.fields.map((f) => f.field)).toEqual(['ssid', 'firstName', 'lastName', 'dateOfBirth', 'schoolStudentId']);
    expect(verification?.fields[4]).toMatchObject({ first: 'LA4471X2', second: 'LA4417X2', third: 'LA4471X2', value: 'LA4471X2', by: 'u-bea' });
    // Only an SSID that differed is counted on the batch's line.
    expect(screen.getByRole('status').textContent).not.toContain('differed');
  });

  it('holds the keyings of an added field in a second look sealed on the record, and settles it from the paper with them', async () => {
    const store = getStore();
    await store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy: 'default', requiredSince: null, fields: ['phone'] } } });
    const { batch, one } = await seedTabletOf('u-ana', { phone: '(408) 555-0142' });
    renderApp(store, `/batches/${batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    expect(screen.getByLabelText('Phone').getAttribute('inputmode')).toBe('tel');
    keySheet({ 'CA SSID': '2038475610', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012', Phone: '408 555 0124' });
    await screen.findByRole('alert');
    keySheet({ Phone: '408-555-0100' });
    fireEvent.click(await screen.findByRole('button', { name: 'Read sheet 1 from the paper' }));
    expect((await readRecord(store, one.id)).heldKeyings?.second.phone).toBe('408 555 0124');
    fireEvent.click(await screen.findByRole('radio', { name: 'Cy Third' }));
    fireEvent.input(screen.getByLabelText('Phone as the paper reads'), { target: { value: '4085550142' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Settle sheet 1' }).closest('form')!);
    await waitFor(async () => expect((await readRecord(store, one.id)).verification).toBeDefined());
    expect((await readRecord(store, one.id)).verification?.fields.find((f) => f.field === 'phone')).toMatchObject({
      value: '4085550142', third: '408-555-0100', secondLook: { reading: '4085550142', by: 'u-cy' },
    });
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
    const { store, two } = await parkSheetTwo();
    const look = await screen.findByRole('region', { name: 'Needs a second look' });
    expect(look.textContent).toContain('3047586912 · 3047586921 · 3047586900');
    expect((await readRecord(store, two.id)).verification).toBeUndefined();
  });

  it('keys again a sheet parked before second looks could be settled (it holds no keyings to finish with)', async () => {
    const { store, batch, one } = await seedTabletOf('u-ana');
    const { studentId, createdAt, ssidRekey, fields } = await readRecord(store, one.id);
    await saveDraft(store.db, { id: one.id, studentId, batchId: batch.id, createdAt, ssidRekey, fields, secondLook: [{ field: 'ssid', values: ['2038475601', '2038475610', '2038475600'] }] });
    renderApp(store, `/batches/${batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    expect(screen.queryByRole('region', { name: 'Needs a second look' })).toBeNull();
  });

  /** Verifies sheet 1 alike, and sends sheet 2's SSID to a second look: keyed 3047586921, 3047586912, then 3047586900. */
  async function parkSheetTwo() {
    const tablet = await seedTabletOf('u-ana');
    await tablet.store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy: 'required', requiredSince: '2026-01-01T00:00:00.000Z' } } });
    renderApp(tablet.store, `/batches/${tablet.batch.id}/verify`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    keySheet({ 'CA SSID': '2038475610', 'First name': 'Maria', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('heading', { name: 'Sheet 2' });
    keySheet({ 'CA SSID': '3047586912', 'First name': 'Rosa', 'Last name': 'Lopez', 'Date of birth': '03/15/2012' });
    await screen.findByRole('alert');
    keySheet({ 'CA SSID': '3047586900' });
    await screen.findByRole('button', { name: 'Read sheet 2 from the paper' });
    return tablet;
  }

  function readPaper(reader: string | null, values: Record<string, string>, unreadable = false) {
    if (reader) fireEvent.click(screen.getByRole('radio', { name: reader }));
    for (const [label, value] of Object.entries(values)) fireEvent.input(screen.getByLabelText(label), { target: { value } });
    if (unreadable) fireEvent.click(screen.getByRole('checkbox', { name: /The paper cannot be read/ }));
    fireEvent.submit(screen.getByRole('button', { name: 'Settle sheet 2' }).closest('form')!);
  }

  it('settles a second look from the paper: the three values and where they differ shown, the reader named, the sheet verified and confirmable', async () => {
    const { store, two } = await parkSheetTwo();
    const look = screen.getByRole('region', { name: 'Needs a second look' });
    expect(look.textContent).toContain('3047586912 · 3047586921 · 3047586900 (they differ at digits 9, 10)');
    expect(look.textContent).toContain('CA SSID line on the paper');
    // Parked, it is held back from confirmation where the center requires verification.
    expect((await confirmApplications(store, [two.id])).skipped[0]?.reason).toMatch(/Needs a second look/);
    fireEvent.click(screen.getByRole('button', { name: 'Read sheet 2 from the paper' }));
    const picker = await screen.findByRole('group', { name: /Who is reading the paper/ });
    expect(picker.textContent).not.toContain('Ana First');
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('reader'));
    expect(await seriousViolations()).toEqual([]);
    readPaper('Cy Third', { 'CA SSID as the paper reads': '3047586921' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Needs a second look' })).toBeNull());
    const record = await readRecord(store, two.id);
    expect(record.fields.ssid).toBe('3047586921');
    expect(record.secondLook).toBeUndefined();
    expect(record.heldKeyings).toBeUndefined();
    expect(record.verification?.fields.find((f) => f.field === 'ssid')).toMatchObject({
      first: '3047586921', second: '3047586912', third: '3047586900', value: '3047586921', by: 'u-bea', secondLook: { reading: '3047586921', by: 'u-cy' },
    });
    expect(screen.getByRole('status').textContent).toContain('2 verified · 0 to verify · 0 need a second look');
    expect((await confirmApplications(store, [two.id])).confirmed).toEqual([two.id]);
  });

  it('asks a reading that agrees with none of the three again, blind, and takes it when both readings agree', async () => {
    const { store, two } = await parkSheetTwo();
    fireEvent.click(screen.getByRole('button', { name: 'Read sheet 2 from the paper' }));
    await screen.findByRole('group', { name: /Who is reading the paper/ });
    readPaper('Bea Second', { 'CA SSID as the paper reads': '3047586929' });
    const again = await screen.findByLabelText('CA SSID again, as the paper reads');
    expect((again as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('3047586929');
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(await seriousViolations()).toEqual([]);
    readPaper(null, { 'CA SSID again, as the paper reads': '3047586929' });
    await waitFor(async () => expect((await readRecord(store, two.id)).fields.ssid).toBe('3047586929'));
    expect((await readRecord(store, two.id)).verification?.fields[0]?.secondLook).toMatchObject({ reading: '3047586929', again: '3047586929', by: 'u-bea' });
  });

  it('leaves the SSID blank, to be asked of the school, when the paper cannot be read for sure', async () => {
    const { store, two } = await parkSheetTwo();
    fireEvent.click(screen.getByRole('button', { name: 'Read sheet 2 from the paper' }));
    await screen.findByRole('group', { name: /Who is reading the paper/ });
    readPaper('Cy Third', {});
    expect((await screen.findByRole('alert')).textContent).toContain('Type the CA SSID as the paper reads, or say the paper cannot be read.');
    readPaper(null, {}, true);
    await waitFor(async () => expect((await readRecord(store, two.id)).verification).toBeDefined());
    const record = await readRecord(store, two.id);
    expect([record.fields.ssid, record.ssidRekey]).toEqual(['', '']);
    expect(record.verification?.fields[0]).toMatchObject({ value: '', secondLook: { reading: '', by: 'u-cy' } });
    expect((await confirmApplications(store, [two.id])).confirmed).toEqual([two.id]);
  });
});
