// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageUnavailable } from '../../../src/app/components/StorageUnavailable';
import { UpdateBanner } from '../../../src/app/components/UpdateBanner';
import { closeStore, type Store } from '../../../src/app/db/connection';
import { UpdateContext } from '../../../src/app/hooks/useUpdatePrompt';
import { createUpdateChannel } from '../../../src/app/pwa/updates';
import { seriousViolations } from '../axe';
import { completeFields, openTestStore, renderApp, seedBatch, seedRecord, seedSchools } from '../harness';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
  await seedSchools(store);
});
afterEach(() => {
  cleanup();
  closeStore(store);
});

async function seeded() {
  const batch = await seedBatch(store);
  const record = await seedRecord(store, batch.id, completeFields({ ssid: '203847561' }), '');
  await seedRecord(store, batch.id, completeFields({ firstName: 'Ana', lastName: 'Diaz' }));
  return { batch, record };
}

describe('no serious or critical accessibility violation', () => {
  it('on the batches list', async () => {
    await seeded();
    renderApp(store, '/');
    await screen.findByText(/2 of 25 entered/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the empty batches list', async () => {
    renderApp(store, '/');
    await screen.findByText(/No batches yet/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the new batch form', async () => {
    renderApp(store, '/batches/new');
    await screen.findByRole('option', { name: /Lincoln/ });
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the entry form, with messages showing', async () => {
    const { record } = await seeded();
    renderApp(store, `/records/${record.id}`);
    await waitFor(() => expect(screen.getAllByText(/9 digits: one is missing/).length).toBeGreaterThan(0));
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the batch review', async () => {
    const { batch } = await seeded();
    renderApp(store, `/batches/${batch.id}`);
    await screen.findByText(/2 of 25 entered/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the records list', async () => {
    await seeded();
    renderApp(store, '/records');
    await screen.findByText('2 records on this tablet');
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the storage-unavailable message', async () => {
    render(<StorageUnavailable />);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the update banner', async () => {
    const channel = createUpdateChannel(({ onNeedRefresh }) => {
      onNeedRefresh();
      return async () => undefined;
    });
    render(
      <UpdateContext.Provider value={channel}>
        <UpdateBanner />
      </UpdateContext.Provider>,
    );
    screen.getByRole('button', { name: 'Update now' });
    expect(await seriousViolations()).toEqual([]);
  });
});
