// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ReEnrollPage } from '../../src/app/features/students/reenroll/ReEnrollPage';
import { StorageUnavailable } from '../../src/app/shell/StorageUnavailable';
import { SessionGate } from '../../src/app/shell/SessionGate';
import { SyncProvider } from '../../src/app/features/session/SyncProvider';
import { UpdateBanner } from '../../src/app/shell/UpdateBanner';
import { AppContext } from '../../src/app/hooks/context';
import { UpdateContext } from '../../src/app/shell/useUpdatePrompt';
import { createRouter } from '../../src/app/router';
import { createUpdateChannel } from '../../src/app/pwa/updates';
import { seriousViolations } from './axe';
import { completeFields, renderApp, screenStorePerTest, seedBatch, seedRecord } from './harness';
import { paths } from '../../src/app/paths';

const current = screenStorePerTest();

async function seeded() {
  const batch = await seedBatch(current());
  const record = await seedRecord(current(), batch.id, completeFields({ ssid: '203847561' }), '');
  await seedRecord(current(), batch.id, completeFields({ firstName: 'Ana', lastName: 'Diaz' }));
  return { batch, record };
}

describe('no serious or critical accessibility violation', () => {
  it('on the batches list', async () => {
    await seeded();
    renderApp(current(), paths.batches());
    await screen.findByText(/2 of 25 entered/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the empty batches list', async () => {
    renderApp(current(), paths.batches());
    await screen.findByText(/No batches yet/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the new batch form', async () => {
    renderApp(current(), paths.newBatch());
    await screen.findByRole('option', { name: /Lincoln/ });
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the entry form, with messages showing', async () => {
    const { record } = await seeded();
    renderApp(current(), paths.record(record.id));
    await waitFor(() => expect(screen.getAllByText(/9 digits: one is missing/).length).toBeGreaterThan(0));
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the batch review', async () => {
    const { batch } = await seeded();
    renderApp(current(), paths.batch(batch.id));
    await screen.findByText(/2 of 25 entered/);
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the records list', async () => {
    await seeded();
    renderApp(current(), paths.records());
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

/** Nothing listens here: requests to it fail as they do offline. */
const UNREACHABLE = 'http://127.0.0.1:9';

describe('the first field of a screen takes the keyboard', () => {
  it.each([
    ['/batches/new', 'School'],
    ['/records', 'Search by name, CA SSID or school'],
  ])('%s starts in %s', async (path, label) => {
    renderApp(current(), path);
    const field = await screen.findByLabelText(label);
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('the sign-in screen starts in Email', async () => {
    window.history.replaceState(null, '', '/');
    render(
      <AppContext.Provider value={{ store: current(), router: createRouter(window) }}>
        <SyncProvider baseUrl={UNREACHABLE}>
          <SessionGate>
            <p>Signed in</p>
          </SessionGate>
        </SyncProvider>
      </AppContext.Provider>,
    );
    const email = await screen.findByLabelText('Email');
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it('the re-enrollment page starts in Last name', async () => {
    window.history.replaceState(null, '', '/re-enroll');
    render(<ReEnrollPage baseUrl={UNREACHABLE} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Last name')));
  });
});
