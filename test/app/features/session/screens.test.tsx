// @vitest-environment jsdom
/**
 * The sign-in screen, the sync bar and the "Needs attention" list, rendered the
 * way main.tsx composes the app, against the real server where one is needed.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncHeader } from '../../../../src/app/features/session/SyncHeader';
import { closeStore, type Store } from '../../../../src/app/db/connection';
import { confirmApplications } from '../../../../src/app/db/applications';
import { OFFLINE_SIGN_IN } from '../../../../src/app/sync/messages';
import { PROBLEMS } from '../../../../src/shared/problems';
import { seriousViolations } from '../../axe';
import { changeRecord, completeFields, openTestStore, readOutbox, readRecord, renderSessionApp, seedRecord, seedSchools } from '../../harness';
import { startServer, type TestServer } from '../../sync/server-harness';
import { paths } from '../../../../src/app/paths';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { SyncProvider } from '../../../../src/app/features/session/SyncProvider';
import { SessionGate } from '../../../../src/app/shell/SessionGate';
import { SessionAtStartContext } from '../../../../src/app/hooks/useSession';
import { readSession } from '../../../../src/app/db/meta';

/** Nothing listens here: requests to it fail as they do offline. */
const UNREACHABLE = 'http://127.0.0.1:9';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
  await seedSchools(store);
});
afterEach(() => {
  cleanup();
  closeStore(store);
});

function renderWithSync(path: string, baseUrl: string) {
  return renderSessionApp(store, baseUrl, path, { header: <SyncHeader /> });
}

async function signInAs(email: string, password: string) {
  fireEvent.input(await screen.findByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** A session as one online sign-in leaves it. */
async function storeSession(expired = false) {
  await store.db.meta.put({
    key: 'session',
    value: { token: 'token', expiresAt: '2099-01-01T00:00:00Z', expired, user: { id: 'u1', email: 'demo@mesa.example', name: 'Demo Advisor', role: 'advisor', centerId: 'c1' } },
  });
}

describe('the session read while the app started', () => {
  function renderGate(atStart: NonNullable<Awaited<ReturnType<typeof readSession>>> | undefined) {
    return render(
      <AppContext.Provider value={{ store, router: createRouter(window) }}>
        <SyncProvider baseUrl={UNREACHABLE}>
          <SessionAtStartContext.Provider value={atStart}>
            <SessionGate>
              <p>The app</p>
            </SessionGate>
          </SessionAtStartContext.Provider>
        </SyncProvider>
      </AppContext.Provider>,
    );
  }

  it('lets the app draw at once, without waiting for the session to be read again', async () => {
    await storeSession();
    renderGate((await readSession(store.db)) ?? undefined);
    expect(screen.getByText('The app')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('waits for the live read when no session was found at start (a sign-in since then is read live, never the sign-in screen again)', async () => {
    await storeSession();
    renderGate(undefined);
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.getByText('Loading…')).toBeTruthy();
    await screen.findByText('The app');
  });

  it('gives way to the live read: a sign-out since the start shows the sign-in screen', async () => {
    await storeSession();
    const atStart = (await readSession(store.db)) ?? undefined;
    await store.db.meta.delete('session');
    renderGate(atStart);
    expect(screen.getByText('The app')).toBeTruthy();
    await screen.findByLabelText('Email');
    expect(screen.queryByText('The app')).toBeNull();
  });
});

describe('signing in', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  it('says when the password is wrong, then opens the app once it is right', async () => {
    renderWithSync(paths.batches(), server.baseUrl);

    await signInAs(server.email, 'not the password');
    expect((await screen.findByRole('alert')).textContent).toBe(PROBLEMS.badCredentials.message);

    await signInAs(server.email, server.password);
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(await screen.findByText('Demo Advisor')).toBeTruthy();
    expect(await screen.findByText(/Last sync .*: up to date/)).toBeTruthy();
  });

  it('names the tablet for the center, and offers the same name at the next sign-in', async () => {
    renderWithSync(paths.signIn(), server.baseUrl);
    fireEvent.input(await screen.findByLabelText('This tablet’s name (optional)'), { target: { value: '  Blue cart 3 ' } });
    await signInAs(server.email, server.password);
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    const devices = await server.handle.db.selectFrom('devices').select(['name', 'last_seen_at']).execute();
    expect(devices.map((d) => d.name)).toEqual(['Blue cart 3']);

    cleanup();
    renderWithSync(paths.signIn(), server.baseUrl);
    await waitFor(() => expect((screen.getByLabelText('This tablet’s name (optional)') as HTMLInputElement).value).toBe('Blue cart 3'));
    // Signing in again without touching the field keeps the name on the server.
    await signInAs(server.email, server.password);
    await waitFor(async () => {
      const again = await server.handle.db.selectFrom('devices').select(['name', 'last_seen_at']).execute();
      expect(again.map((d) => d.last_seen_at)).not.toEqual(devices.map((d) => d.last_seen_at));
      expect(again.map((d) => d.name)).toEqual(['Blue cart 3']);
    });
    expect(await seriousViolations(document.body)).toEqual([]);
  });
});

describe('without a connection', () => {
  it('explains that the first sign-in needs a connection', async () => {
    renderWithSync(paths.batches(), UNREACHABLE);

    await signInAs('demo@mesa.example', 'whatever-it-is');

    expect((await screen.findByRole('alert')).textContent).toBe(OFFLINE_SIGN_IN);
    expect(await seriousViolations()).toEqual([]);
  });

  it('opens the app offline after one sign-in, and an ended session asks to sign in again', async () => {
    await storeSession(true);
    renderWithSync(paths.batches(), UNREACHABLE);

    const again = await screen.findByRole('link', { name: 'Sign in again' });
    expect(screen.getByRole('heading', { name: 'Batches' })).toBeTruthy();
    fireEvent.click(again);
    expect(await screen.findByText(/Your session has ended/)).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('demo@mesa.example'));
  });
});

describe('needs attention', () => {
  it('lists a conflicting record with the server’s reason, and sends it to center review', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Maria', lastName: 'Lopez' }));
    await confirmApplications(store, [record.id]);
    await store.db.outbox.clear();
    await changeRecord(store, record.id, {
      status: 'conflict',
      serverReason: { code: 'ssid_taken', message: 'This CA SSID belongs to another student.' },
    });
    renderWithSync(paths.batches(), UNREACHABLE);

    fireEvent.click(await screen.findByRole('link', { name: '1 needs attention' }));
    const item = (await screen.findByText(/Maria Lopez/)).closest('li')!;
    expect(within(item).getByText('This CA SSID belongs to another student.')).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'Edit and resend' }).getAttribute('href')).toBe(`/records/${record.id}`);
    fireEvent.click(within(item).getByRole('button', { name: 'Send to center review' }));

    expect(await screen.findByText(/Nothing needs attention/)).toBeTruthy();
    const [row] = await readOutbox(store);
    expect(row?.mutation).toMatchObject({ recordId: record.id, sendToReview: true, version: record.version });
    expect(await readRecord(store, record.id)).toMatchObject({ status: 'queued', sendToReview: true });
    await waitFor(() => expect(screen.getByText('1 waiting to sync')).toBeTruthy());
  });

  it('offers only "Edit and resend" for a refused record, with the reason per field', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Ana', lastName: 'Diaz' }));
    await changeRecord(store, record.id, {
      status: 'rejected',
      serverReason: { code: 'unknown_school', message: 'The school is not one of your center’s schools.', fields: [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }] },
    });
    renderWithSync(paths.attention(), UNREACHABLE);

    const item = (await screen.findByText(/Ana Diaz/)).closest('li')!;
    expect(within(item).getByText(/Choose one of your center’s schools\./)).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'Edit and resend' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Send to center review' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('offers "Send my version again" for a record another device changed, and re-queues it', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Kim', lastName: 'Nguyen' }));
    await changeRecord(store, record.id, {
      status: 'conflict',
      confirmedAt: Date.now(),
      serverVersion: 4,
      serverReason: { code: 'stale_version', message: 'Someone else changed this record on the server since you last synced.' },
    });
    renderWithSync(paths.attention(), UNREACHABLE);

    const item = (await screen.findByText(/Kim Nguyen/)).closest('li')!;
    expect(within(item).queryByRole('button', { name: 'Send to center review' })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: 'Send my version again' }));

    expect(await screen.findByText(/Nothing needs attention/)).toBeTruthy();
    const [row] = await readOutbox(store);
    expect(row?.mutation).toMatchObject({ recordId: record.id, baseServerVersion: 4, version: record.version });
  });

  it('shows the center’s name and birth date for a probable match, and "Same student" re-queues the paper for that student', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Sofia', lastName: 'Ramires' }));
    await changeRecord(store, record.id, {
      status: 'conflict',
      confirmedAt: Date.now(),
      serverReason: {
        code: 'same_student_probable',
        message: PROBLEMS.sameStudentProbable.message,
        fields: [
          { field: 'name', message: 'The center has “Sofia Ramirez”.' },
          { field: 'dateOfBirth', message: 'The center has July 8, 2012.' },
          { field: 'difference', message: 'The last names differ by one letter.' },
        ],
      },
    });
    renderWithSync(paths.attention(), UNREACHABLE);

    const item = (await screen.findByText(/Sofia Ramires/)).closest('li')!;
    expect(within(item).getByText(/already has a student with this CA SSID/)).toBeTruthy();
    expect(within(item).getByText('Name: The center has “Sofia Ramirez”.')).toBeTruthy();
    expect(within(item).getByText('Date of birth: The center has July 8, 2012.')).toBeTruthy();
    expect(within(item).getByText('What differs: The last names differ by one letter.')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Send to center review' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(within(item).getByRole('button', { name: 'Same student' }));

    expect(await screen.findByText(/Nothing needs attention/)).toBeTruthy();
    const [row] = await readOutbox(store);
    expect(row?.mutation).toMatchObject({ recordId: record.id, sameStudent: true, version: record.version });
    expect(await readRecord(store, record.id)).toMatchObject({ status: 'queued', serverReason: null });
  });

  it('says a student already enrolled for the year keeps one enrollment, and offers only "Edit and resend"', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Kai', lastName: 'Tanaka' }));
    await changeRecord(store, record.id, {
      status: 'conflict',
      serverReason: { code: 'already_enrolled', message: PROBLEMS.alreadyEnrolled.message },
    });
    renderWithSync(paths.attention(), UNREACHABLE);

    const item = (await screen.findByText(/Kai Tanaka/)).closest('li')!;
    expect(within(item).getByText(/already has an enrollment for this program year/)).toBeTruthy();
    expect(within(item).getByText(/Nothing from this paper is lost/)).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'Edit and resend' })).toBeTruthy();
    expect(within(item).queryAllByRole('button')).toEqual([]);
  });
});

describe('the header', () => {
  it('never says "Everything is synced" beside a record the server refused', async () => {
    await storeSession();
    const record = await seedRecord(store, null, completeFields({ firstName: 'Ana', lastName: 'Diaz' }));
    await changeRecord(store, record.id, { status: 'rejected', serverReason: { code: 'unknown_school', message: 'The school is not one of your center’s schools.' } });
    renderWithSync('/', UNREACHABLE);

    await screen.findByRole('link', { name: '1 needs attention' });
    expect(within(screen.getByRole('region', { name: 'Sync' })).queryByText(/synced/)).toBeNull();
  });

  it('keeps the account’s actions in a menu that Escape closes, giving focus back to its button', async () => {
    await storeSession();
    renderWithSync('/', UNREACHABLE);

    const button = await screen.findByRole('button', { name: 'Account: Demo Advisor' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    signOut.focus();
    fireEvent.keyDown(signOut, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('warns before signing out with records waiting, says how many, and Stay signed in keeps the session', async () => {
    await storeSession();
    const records = await Promise.all([1, 2].map((n) => seedRecord(store, null, completeFields({ firstName: `Ana${n}`, ssid: String(2038475610 + n) }))));
    await confirmApplications(store, records.map((r) => r.id));
    renderWithSync('/', UNREACHABLE);

    await screen.findByText('2 waiting to sync');
    fireEvent.click(await screen.findByRole('button', { name: 'Account: Demo Advisor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByText('2 records are waiting to sync. They stay on this tablet and are sent after the next sign-in.')).toBeTruthy();
    const stay = screen.getByRole('button', { name: 'Stay signed in' });
    await waitFor(() => expect(document.activeElement).toBe(stay));
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(stay);

    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(await store.db.meta.get('session')).toBeTruthy();
  });
});
