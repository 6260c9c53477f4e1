// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fieldByLabel, renderApp, screenStorePerTest } from '../../harness';
import { writeBadRows } from '../../db/badRows';
import { paths } from '../../../../src/app/paths';

const current = screenStorePerTest();

describe('screens with a row that fails its schema on the tablet', () => {
  it('Records lists every good record and each bad row as "This record needs fixing"', async () => {
    await writeBadRows(current());
    renderApp(current(), paths.records());
    expect(await screen.findByText('2 records on this tablet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lopez, Maria' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nguyen, Maria' })).toBeTruthy();
    const fixing = await screen.findByRole('region', { name: '6 records need fixing' });
    expect(within(fixing).getAllByText('This record needs fixing')).toHaveLength(6);
    expect(within(fixing).getByText(/Ramírez, Maria/)).toBeTruthy();
  });

  it('the batch’s review works and lists its bad record apart', async () => {
    const { batch } = await writeBadRows(current());
    renderApp(current(), paths.batch(batch.id));
    expect(await screen.findByText('2 of 25 entered, 0 confirmed, 0 with problems')).toBeTruthy();
    const fixing = await screen.findByRole('region', { name: '3 records need fixing' });
    expect(within(fixing).getByText(/Ramírez, Maria/)).toBeTruthy();
  });

  it('the repair view shows what was read and opens the record in the form with the bad date blank', async () => {
    await writeBadRows(current());
    const { router } = renderApp(current(), '/repair/applications/app-30315');
    expect(await screen.findByRole('heading', { name: 'This record needs fixing' })).toBeTruthy();
    expect(screen.getByText('30315-03-15')).toBeTruthy();
    expect(screen.getByText('Ramírez')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Correct it in the form' }));
    await waitFor(() => expect(router.current().path).toBe('/records/app-30315'));
    await waitFor(() => expect(fieldByLabel('Last name').value).toBe('Ramírez'));
    expect(fieldByLabel('Date of birth').value).toBe('');
  });

  it('the repair view opens only for a table whose rows are set aside', async () => {
    renderApp(current(), '/repair/meta/deviceId');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('removing asks twice, then the row is gone and Records no longer lists it', async () => {
    await writeBadRows(current());
    const { router } = renderApp(current(), '/repair/outbox/900');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove it from this tablet' }));
    expect(await current().db.outbox.get(900)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Remove it for good' }));
    await waitFor(() => expect(router.current().path).toBe('/records'));
    expect(await current().db.outbox.get(900)).toBeUndefined();
    expect(await screen.findByRole('region', { name: '5 records need fixing' })).toBeTruthy();
  });
});
