// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications } from '../../../../src/app/db/applications';
import { completeFields, renderApp, screenStorePerTest, seedBatch, seedRecord } from '../../harness';
import { paths } from '../../../../src/app/paths';
import { uuidv7 } from '../../../../src/shared/ids';

const current = screenStorePerTest();

/** A stack of 25 with four typed: two ready, one with a 9-digit SSID, one already confirmed. */
async function seedStack() {
  const batch = await seedBatch(current());
  const t = Date.now();
  const ready1 = await seedRecord(current(), batch.id, completeFields({ firstName: 'Maria', lastName: 'Lopez', ssid: '2038475610' }), '2038475610', t);
  const ready2 = await seedRecord(current(), batch.id, completeFields({ firstName: 'Ana', lastName: 'Diaz', ssid: '' }), '', t + 1);
  await seedRecord(current(), batch.id, completeFields({ firstName: 'Luis', lastName: 'Ortega', ssid: '304958672' }), '304958672', t + 2);
  const done = await seedRecord(current(), batch.id, completeFields({ firstName: 'Kim', lastName: 'Nguyen', ssid: '5061728394' }), '5061728394', t + 3);
  await confirmApplications(current(), [done.id]);
  return { batch, ready1, ready2 };
}

describe('batch review', () => {
  it('counts entered, confirmed and with problems, and lists each record’s problems', async () => {
    const { batch } = await seedStack();
    renderApp(current(), paths.batch(batch.id));
    expect(await screen.findByText('4 of 25 entered, 1 confirmed, 1 with problems')).toBeTruthy();
    const ortega = screen.getByText('Ortega, Luis').closest('li')!;
    expect(within(ortega).getByText(/9 digits: one is missing/)).toBeTruthy();
    expect(within(ortega).queryByRole('button', { name: 'Confirm' })).toBeNull();
  });

  it('lists records with problems first, each row with its sheet number, birth date and grade', async () => {
    const { batch } = await seedStack();
    renderApp(current(), paths.batch(batch.id));
    await screen.findByText('4 of 25 entered, 1 confirmed, 1 with problems');
    const rows = screen.getAllByRole('listitem').filter((li) => li.classList.contains('review-row'));
    expect(rows.map((r) => r.querySelector('.review-name')?.textContent)).toEqual(['#3 Ortega, Luis', '#1 Lopez, Maria', '#2 Diaz, Ana', '#4 Nguyen, Kim']);
    expect(rows[1]?.textContent).toContain('Born March 15, 2012');
    expect(rows[1]?.textContent).toContain('Grade 7');
  });

  it('confirms all records without problems in one action, leaving the others', async () => {
    const { batch } = await seedStack();
    renderApp(current(), paths.batch(batch.id));
    const button = await screen.findByRole('button', { name: 'Confirm all without problems' });
    fireEvent.click(button);
    expect(await screen.findByText('4 of 25 entered, 3 confirmed, 1 with problems')).toBeTruthy();
    expect(await current().db.outbox.count()).toBe(3);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Confirm all without problems' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('confirms one record from its row', async () => {
    const { batch, ready2 } = await seedStack();
    renderApp(current(), paths.batch(batch.id));
    const row = (await screen.findByText('Diaz, Ana')).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('4 of 25 entered, 2 confirmed, 1 with problems')).toBeTruthy();
    expect((await current().db.applications.get(ready2.id))?.status).toBe('queued');
  });
});

describe('batches list', () => {
  it('shows each batch with its school and counts', async () => {
    await seedStack();
    renderApp(current(), paths.batches());
    // The counts and the school's name come from two live queries that settle in
    // either order (the name shows as "Unknown school" until its own read lands):
    // wait for each, never for one and then read the other at once.
    expect(await screen.findByText('4 of 25 entered, 1 confirmed, 1 with problems')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Lincoln Middle School' })).toBeTruthy();
  });

  it('offers the next sheet to type only for a batch typed on this tablet, on the list and in its review', async () => {
    const here = await seedBatch(current());
    const elsewhere = { ...here, id: uuidv7(), schoolId: 'school-roosevelt', typedElsewhere: true, createdAt: here.createdAt + 1 };
    await current().db.batches.put(elsewhere);
    renderApp(current(), paths.batches());
    const cardOf = async (school: string) => (await screen.findByRole('link', { name: school })).closest('li')!;
    expect(within(await cardOf('Lincoln Middle School')).getByRole('link', { name: 'Type next sheet' }).getAttribute('href')).toBe(paths.newRecord(here.id));
    expect(within(await cardOf('Roosevelt High School')).queryByRole('link', { name: 'Type next sheet' })).toBeNull();
    cleanup();
    renderApp(current(), paths.batch(elsewhere.id));
    expect(await screen.findByRole('link', { name: 'Verify batch' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Type next sheet' })).toBeNull();
  });

  it('creates a batch and opens its first blank form with the chosen defaults', async () => {
    const { router } = renderApp(current(), paths.newBatch());
    await screen.findByRole('option', { name: 'Roosevelt High School (Los Angeles)' });
    fireEvent.change(screen.getByLabelText('School'), { target: { value: 'school-roosevelt' } });
    fireEvent.input(screen.getByLabelText('Sheets in the stack'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Grade'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start typing' }));
    await waitFor(() => expect(router.current().path).toMatch(/^\/batches\/[0-9a-f-]+\/new$/));
    await waitFor(() => expect((screen.getByLabelText('Grade') as HTMLSelectElement).value).toBe('10'));
    expect((screen.getByLabelText('School') as HTMLSelectElement).value).toBe('school-roosevelt');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sheet 1 of 30'));
    expect((await current().db.batches.toArray())[0]).toMatchObject({ sheetCount: 30, schoolId: 'school-roosevelt' });
  });

  it('says beside each field why the batch cannot start, and ties the reason to the field for a screen reader', async () => {
    const { router } = renderApp(current(), paths.newBatch());
    await screen.findByRole('option', { name: 'Roosevelt High School (Los Angeles)' });
    fireEvent.change(screen.getByLabelText('School'), { target: { value: 'school-roosevelt' } });
    fireEvent.input(screen.getByLabelText('Program year'), { target: { value: '2025' } });
    fireEvent.input(screen.getByLabelText('Sheets in the stack'), { target: { value: '0' } });
    const year = screen.getByLabelText('Program year');
    expect(year.getAttribute('aria-invalid')).toBeNull();
    expect(year.getAttribute('aria-describedby')).toBe('batch-year-hint');
    fireEvent.click(screen.getByRole('button', { name: 'Start typing' }));
    const sheets = screen.getByLabelText('Sheets in the stack');
    await waitFor(() => expect(sheets.getAttribute('aria-invalid')).toBe('true'));
    expect(sheets.getAttribute('aria-describedby')).toBe('batch-sheets-hint batch-sheets-msg');
    expect(document.getElementById('batch-sheets-msg')?.textContent).toBe('Problem: Count the sheets: a number from 1 to 500.');
    expect(year.getAttribute('aria-invalid')).toBe('true');
    expect(year.getAttribute('aria-describedby')).toBe('batch-year-hint batch-year-msg');
    expect(document.getElementById('batch-year-msg')?.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByLabelText('School').getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(sheets, { target: { value: '12' } });
    await waitFor(() => expect(sheets.getAttribute('aria-invalid')).toBeNull());
    expect(document.getElementById('batch-sheets-msg')).toBeNull();
    expect(router.current().path).toBe(paths.newBatch());
  });

  it('asks for a first online sign-in when no schools are on the tablet', async () => {
    await current().db.schools.clear();
    renderApp(current(), paths.newBatch());
    expect(await screen.findByText('Sign in once online to load your schools.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start typing' })).toBeNull();
  });
});

describe('records search', () => {
  it.each([
    ['a first name', 'maria', ['Lopez, Maria']],
    ['a last name and first name', 'ortega luis', ['Ortega, Luis']],
    ['SSID digits typed with spaces', '5061 7283', ['Nguyen, Kim']],
    ['the school', 'lincoln', ['Lopez, Maria', 'Diaz, Ana', 'Ortega, Luis', 'Nguyen, Kim']],
    ['nothing that matches', 'zzz', []],
  ])('finds records by %s', async (_name, query, expected) => {
    await seedStack();
    renderApp(current(), paths.records());
    await screen.findByText('4 records on this tablet');
    fireEvent.input(screen.getByLabelText('Search by name, CA SSID or school'), { target: { value: query } });
    // School names arrive from their own table, so wait for the list to settle.
    await waitFor(() => expect(screen.queryAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual([...expected].sort()));
  });

  it('opens a record for editing', async () => {
    await seedStack();
    const { router } = renderApp(current(), paths.records());
    fireEvent.click(await screen.findByRole('link', { name: 'Lopez, Maria' }));
    await waitFor(() => expect((screen.getByLabelText('First name') as HTMLInputElement).value).toBe('Maria'));
    expect(router.current().path).toMatch(/^\/records\/[0-9a-f-]+$/);
  });
});
