// @vitest-environment jsdom
/**
 * The screens that need the server, against the REAL server over real HTTP:
 * pending approvals with the SSID prompt and the required-year refusal, the
 * Record information page online and offline, and the public re-enrollment page.
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../src/app/App';
import { ReEnrollPage } from '../../../../src/app/features/students/reenroll/ReEnrollPage';
import { SyncProvider } from '../../../../src/app/features/session/SyncProvider';
import { AppContext } from '../../../../src/app/hooks/context';
import { createRouter } from '../../../../src/app/router';
import { createApiClient } from '../../../../src/app/sync/api';
import { blankFields, type ApplicationFields } from '../../../../src/shared/application';
import { uuidv7 } from '../../../../src/shared/ids';
import { programYearOf } from '../../../../src/shared/policy';
import { PROBLEMS } from '../../../../src/shared/problems';
import { seriousViolations } from '../../axe';
import { storeAndServerPerTest } from '../../screen-server';
import { seedRoster } from './fixtures';

/** Nothing listens here: requests to it fail as they do offline. */
const UNREACHABLE = 'http://127.0.0.1:9';
const thisYear = programYearOf(new Date().toISOString().slice(0, 10));

const { store, server } = storeAndServerPerTest();

/** Signs in over the API and keeps the session on the tablet, as the sign-in screen does. */
async function signedIn(): Promise<{ token: string; deviceId: string; schoolId: string }> {
  const deviceId = uuidv7();
  const api = createApiClient({ baseUrl: server.baseUrl });
  const session = await api.signIn({ email: server.email, password: server.password, deviceId });
  await store.db.meta.put({ key: 'session', value: { ...session, expired: false } });
  await store.db.meta.put({ key: 'deviceId', value: deviceId });
  const pull = await api.pull(session.token, null);
  await store.db.schools.bulkPut(pull.schools);
  return { token: session.token, deviceId, schoolId: pull.schools[0]!.id };
}

let mutationId = 0;

/** The signed-in device sends an application: the student and an enrollment waiting for approval. */
async function sendApplication({ token, deviceId }: { token: string; deviceId: string }, fields: Partial<ApplicationFields>): Promise<string> {
  const studentId = uuidv7();
  mutationId += 1;
  const res = await fetch(`${server.baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      deviceId,
      mutations: [{
        mutationId, recordId: uuidv7(), studentId, version: 1, baseServerVersion: null,
        application: blankFields({ programYear: thisYear, pafSignedDate: '2025-09-01', ...fields }),
        ssidSource: fields.ssid ? 'student_form' : null, confirmedAt: new Date().toISOString(),
      }],
    }),
  });
  expect(res.status).toBe(200);
  return studentId;
}

function renderOnline(path: string, baseUrl: string) {
  window.history.replaceState(null, '', path);
  return render(
    <AppContext.Provider value={{ store, router: createRouter(window) }}>
      <SyncProvider baseUrl={baseUrl}>
        <App />
      </SyncProvider>
    </AppContext.Provider>,
  );
}

describe('pending approvals', () => {
  it('asks for the SSID of a student without one, shows the server’s refusal without it, and approves with it', async () => {
    const session = await signedIn();
    const { schoolId } = session;
    await sendApplication(session, { firstName: 'Jamal', lastName: 'Brooks', dateOfBirth: '2012-08-30', grade: '8', schoolId });
    // The list, the refusal and the approval each arrive over HTTP from a server on
    // this test's own event loop, which a loaded machine can hold up past any find's
    // time: wait for each answer to be sent, then for the screen to show it.
    const listed = server.nextAnswer('GET /api/enrollments');
    renderOnline('/students/approvals', server.baseUrl);
    await listed;

    const item = (await screen.findByRole('link', { name: 'Brooks, Jamal' })).closest('li')!;
    expect(within(item).getByText(/Application from a tablet for/)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Approve' }));
    const ssid = within(item).getByLabelText('CA SSID');
    const rekey = within(item).getByLabelText('Re-enter CA SSID');
    expect(within(item).getByText(/requires it before approval/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    const refused = server.nextAnswer('POST /api/enrollments/:id/approve');
    fireEvent.click(within(item).getByRole('button', { name: 'Approve without SSID' }));
    await refused;
    expect((await within(item).findByRole('alert')).textContent).toBe(PROBLEMS.ssidRequired.message);

    fireEvent.input(ssid, { target: { value: '612033948' } });
    fireEvent.input(rekey, { target: { value: '612033948' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Approve with this SSID' }));
    expect(await within(item).findByText(/9 digits: one is missing/)).toBeTruthy();

    fireEvent.input(ssid, { target: { value: '6120339481' } });
    fireEvent.input(rekey, { target: { value: '6120339418' } });
    expect(await within(item).findByText(/The two keyings differ/)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Approve with this SSID' }));

    fireEvent.input(rekey, { target: { value: '6120-339-481' } });
    const approved = server.nextAnswer('POST /api/enrollments/:id/approve');
    fireEvent.click(within(item).getByRole('button', { name: 'Approve with this SSID' }));
    await approved;
    await screen.findByText('Nothing is waiting for approval.');
    const student = await server.handle.db.selectFrom('students').select(['ssid', 'ssid_source']).where('last_name', '=', 'Brooks').executeTakeFirstOrThrow();
    expect(student).toEqual({ ssid: '6120339481', ssid_source: 'student_form' });
  });

  it('says it needs a connection when the server cannot be reached', async () => {
    await signedIn();
    renderOnline('/students/approvals', UNREACHABLE);
    await screen.findByText('The server cannot be reached right now.', undefined, { timeout: 20_000 });
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('Record information', () => {
  it('shows the whole SSID on its top line, its source in words, who confirmed it and its history', async () => {
    const session = await signedIn();
    const { schoolId } = session;
    const studentId = await sendApplication(session, {
      firstName: 'Kalani', lastName: 'Akana', dateOfBirth: '2011-04-09', grade: '9', schoolId, ssid: '5093718264', ssidSource: 'student_form',
    });
    const answered = server.nextAnswer('GET /api/students/:id');
    renderOnline(`/students/${studentId}/record-information`, server.baseUrl);
    await answered;
    const top = await screen.findByText('5093718264');
    expect(top.closest('dd')?.previousElementSibling?.textContent).toBe('CA SSID');
    expect(screen.getByText('Student’s paper form')).toBeTruthy();
    expect(screen.getByText('Confirmed').nextElementSibling?.textContent).toMatch(/by Demo Advisor$/);
    // Sent without a second keyer's verification: the page says so.
    expect(screen.getByText('Keying').nextElementSibling?.textContent).toBe('Typed once');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Akana, Kalani');
    expect(within(document.querySelector('.history')!).getByText(/••••••8264/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    // The other pages show the last four digits only.
    fireEvent.click(screen.getByRole('link', { name: '1. Student' }));
    await screen.findByText('••••••8264 (whole number on page 2)');
    expect(document.body.textContent).not.toContain('5093718264');
  });

  it('offline, says the whole SSID and its history need a connection and shows what the roster has', async () => {
    await signedIn();
    const [studentId] = await seedRoster(store, [
      { firstName: 'Thuy', lastName: 'Nguyen', dateOfBirth: '2012-06-21', ssid: '4821937560', ssidSource: 'school_records' },
    ]);
    renderOnline(`/students/${studentId}/record-information`, UNREACHABLE);
    // Bounds the wait for the refused connection on a busy machine; no timing is asserted.
    await screen.findByText(/The server cannot be reached right now\. The whole CA SSID, who confirmed it and its history need a connection/, undefined, { timeout: 20_000 });
    expect(await screen.findByText('••••••7560')).toBeTruthy();
    expect(screen.getByText('School records')).toBeTruthy();
    expect(document.body.textContent).not.toContain('4821937560');
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('re-enrollment page', () => {
  function fill(lastName: string, dateOfBirth: string, ssid: string) {
    fireEvent.input(screen.getByLabelText('Last name'), { target: { value: lastName } });
    fireEvent.input(screen.getByLabelText('Date of birth'), { target: { value: dateOfBirth } });
    fireEvent.input(screen.getByLabelText('CA SSID'), { target: { value: ssid } });
    fireEvent.click(screen.getByRole('button', { name: 'Re-enroll' }));
  }

  /** Fills and sends the form, and waits until the server has answered (see the approvals test). */
  async function send(lastName: string, dateOfBirth: string, ssid: string) {
    const answered = server.nextAnswer('POST /api/re-enroll');
    fill(lastName, dateOfBirth, ssid);
    await answered;
  }

  it('gives the one generic message for wrong details and a clear confirmation for right ones', async () => {
    const session = await signedIn();
    const { schoolId } = session;
    const lastYear = `${Number(thisYear.slice(0, 4)) - 1}-${thisYear.slice(2, 4)}`;
    await sendApplication(session, {
      firstName: 'Kalani', lastName: 'Akana', dateOfBirth: '2011-04-09', grade: '9', schoolId, ssid: '5093718264', ssidSource: 'student_form', programYear: lastYear,
    });
    render(<ReEnrollPage baseUrl={server.baseUrl} />);
    expect(await seriousViolations()).toEqual([]);

    await send('Akana', '2011-04-10', '5093718264');
    expect((await screen.findByRole('alert')).textContent).toBe(PROBLEMS.reEnrollFailed.message);

    fill('Akana', '2011-04-09', '50937182');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^CA SSID: 8 digits/);

    await send('Akana', '2011-04-09', '5093718264');
    expect((await screen.findByRole('status')).textContent).toMatch(/Your MESA advisor will approve it/);
    expect(await seriousViolations()).toEqual([]);
  });
});
