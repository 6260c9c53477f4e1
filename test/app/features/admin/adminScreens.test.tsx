// @vitest-environment jsdom
/**
 * The center administrator's screens against the REAL server over real HTTP
 * (issue 13): creating an advisor shows the one-time password once, the CDS code
 * is refused with the server's reason beside its field, a tablet is revoked
 * after a second question, advisors never see the screens, and a one-time
 * password is replaced before anything else opens.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminNavLink } from '../../../../src/app/features/admin/AdminNavLink';
import { createApiClient } from '../../../../src/app/sync/api';
import { readSession } from '../../../../src/app/db/meta';
import { oneTimePasswordResponseSchema } from '../../../../src/shared/admin-protocol';
import { uuidv7 } from '../../../../src/shared/ids';
import { todayIso } from '../../../../src/shared/dates';
import { shortDateInWords } from '../../../../src/shared/unsent-reports';
import { z } from 'zod';
import { createUser } from '../../../../src/server/accounts';
import { findUserByEmail } from '../../../../src/server/queries/users';
import { centerVerification } from '../../../../src/server/queries/centers';
import { seriousViolations } from '../../axe';
import { renderSessionApp } from '../../harness';
import { PASSWORD } from '../../sync/server-harness';
import { storeAndServerPerTest } from '../../screen-server';
import { mutation } from '../../../server/helpers/fixtures';
import { paths } from '../../../../src/app/paths';

const ADMIN_EMAIL = 'director@mesa.example';

const { store, server } = storeAndServerPerTest();
// The screens are lazy chunks: load them once up front, so a loaded machine's first import is not inside a findBy.
beforeAll(async () => {
  await Promise.all([import('../../../../src/app/features/admin/AccountsScreen'), import('../../../../src/app/features/admin/SchoolsScreen'), import('../../../../src/app/features/admin/TabletsScreen'), import('../../../../src/app/features/admin/ProgressScreen'), import('../../../../src/app/features/admin/VerificationSettingScreen'), import('../../../../src/app/features/batches/BatchesScreen')]);
});
beforeEach(async () => {
  const { center_id: centerId } = (await findUserByEmail(server.handle.db, server.email))!;
  await createUser(server.handle.db, { email: ADMIN_EMAIL, name: 'Dana Director', role: 'center_admin', centerId, password: PASSWORD });
});

/** jsdom has no object URLs: keep each Blob by the URL handed out, as a browser would. */
const blobs = new Map<string, Blob>();
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
});
afterAll(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

/** Signs in over the API as `email` and keeps the session on the tablet, as the sign-in screen does. */
async function signedInAs(email: string, password = PASSWORD): Promise<string> {
  const deviceId = uuidv7();
  const session = await createApiClient({ baseUrl: server.baseUrl }).signIn({ email, password, deviceId });
  await store.db.meta.put({ key: 'session', value: { ...session, expired: false } });
  await store.db.meta.put({ key: 'deviceId', value: deviceId });
  return deviceId;
}

function renderAt(path: string) {
  return renderSessionApp(store, server.baseUrl, path, { nav: <AdminNavLink /> });
}

/** Waits that include scrypt on the server (a new or changed password): room for a loaded machine; no timing is asserted. */
const SCRYPT_WAIT = { timeout: 30_000 };

describe('center administrator screens', { timeout: 90_000 }, () => {
  it('creates an advisor and shows the one-time password once, with the change in the history', async () => {
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerAccounts());
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'Ana Ruiz' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ana@school.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = (await screen.findByTestId('one-time-password', {}, SCRYPT_WAIT)).textContent!;
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const accounts = screen.getByRole('list', { name: 'Accounts' });
    expect(await within(accounts).findByText('ana@school.example')).toBeTruthy();
    expect(within(accounts).getByText('Advisor · Has a one-time password')).toBeTruthy();
    expect(await screen.findByText(/Dana Director created the account/)).toBeTruthy();
    // The password it showed is the one that works.
    await createApiClient({ baseUrl: server.baseUrl }).signIn({ email: 'ana@school.example', password, deviceId: uuidv7() });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('one-time-password')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows the server’s reason beside a CDS code that is not 14 digits, and adds a school written with dashes', async () => {
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerSchools());
    fireEvent.input(await screen.findByLabelText('School name'), { target: { value: 'Fremont High' } });
    fireEvent.input(screen.getByLabelText('CDS code'), { target: { value: '0161192013022' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add school' }));
    expect(await screen.findByText('A CDS code is 14 digits: county (2), district (5), school (7).')).toBeTruthy();
    expect(screen.getByLabelText('CDS code').getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(screen.getByLabelText('CDS code'), { target: { value: '01-61192-0130299' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add school' }));
    expect(await screen.findByText('Added Fremont High. Tablets get it at their next sync.')).toBeTruthy();
    const schools = screen.getByRole('list', { name: 'Schools' });
    expect(await within(schools).findByText(/CDS 01611920130299/)).toBeTruthy();
  });

  it('sets the center’s verification to required, in the history, and the server keeps it', async () => {
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerVerification());
    const required = await screen.findByRole('radio', { name: /Required for every sheet/ }) as HTMLInputElement;
    expect((screen.getByRole('radio', { name: /When a batch asks for it/ }) as HTMLInputElement).checked).toBe(true);
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(required);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: required for every sheet. Tablets take it at their next sync.')).toBeTruthy();
    expect(await screen.findByText(/Dana Director set/)).toBeTruthy();
    const { center_id: centerId } = (await findUserByEmail(server.handle.db, ADMIN_EMAIL))!;
    expect(await centerVerification(server.handle.db, centerId)).toMatchObject({ policy: 'required' });
  });

  it('adds fields the second keyer types besides the four, which stay verified and cannot be taken off, and the server keeps them', async () => {
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerVerification());
    const group = await screen.findByRole('group', { name: 'Which fields does the second person type again?' });
    const always = ['CA SSID', 'First name', 'Last name', 'Date of birth'].map((name) => within(group).getByRole('checkbox', { name: new RegExp(`^${name}`) }) as HTMLInputElement);
    expect(always.map((box) => [box.checked, box.disabled])).toEqual(Array(4).fill([true, true]));
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Phone' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'School Student ID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: verified fields CA SSID, First name, Last name, Date of birth, School Student ID, Phone. Tablets take it at their next sync.')).toBeTruthy();
    const { center_id: centerId } = (await findUserByEmail(server.handle.db, ADMIN_EMAIL))!;
    expect(await centerVerification(server.handle.db, centerId)).toMatchObject({ policy: 'off', fields: ['schoolStudentId', 'phone'] });
    // Nothing left to save: the button says so (aria-disabled, so it keeps the keyboard's focus).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Phone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await centerVerification(server.handle.db, centerId)).fields).toEqual(['schoolStudentId']));
  });

  it('says Saved and has nothing left to save at once, however slow the reload after the save', async () => {
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerVerification());
    fireEvent.click(await screen.findByRole('radio', { name: /Required for every sheet/ }));
    // The setting read back after the save is held until the test lets it through (a slow link).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      if (String(input).endsWith('/api/admin/verification') && (init?.method ?? 'GET') === 'GET') await held;
      return realFetch(input, init);
    };
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Saved: required for every sheet. Tablets take it at their next sync.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true');
      release();
      expect(await screen.findByText(/^Required since /)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true');
    } finally {
      release();
      globalThis.fetch = realFetch;
    }
  });

  it('revokes a tablet only after a second question, ending its sessions on the server', async () => {
    const advisorDevice = uuidv7();
    await createApiClient({ baseUrl: server.baseUrl }).signIn({ email: server.email, password: server.password, deviceId: advisorDevice });
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerTablets());
    const name = `Tablet …${advisorDevice.slice(-6)}`;
    fireEvent.click(await screen.findByRole('button', { name: `Revoke ${name}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke tablet' }));
    expect(await screen.findByText(`${name} is signed out. It says so at its next sync; the records on it are kept.`)).toBeTruthy();
    const live = await server.handle.db.selectFrom('sessions').select('token_hash').where('device_id', '=', advisorDevice).where('revoked_at', 'is', null).execute();
    expect(live).toEqual([]);
  });

  it('names a tablet whose reported records never arrived, and dismisses the warning after a second question, in the history', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const lost = uuidv7();
    const advisor = await api.signIn({ email: server.email, password: server.password, deviceId: lost });
    const { reportedAt } = await api.request('POST', '/api/sync/report', z.object({ reportedAt: z.string() }), { token: advisor.token, body: { deviceId: lost, unsent: 12 } });
    // The same advisor on a tablet whose store is empty: a new device id.
    await api.signIn({ email: server.email, password: server.password, deviceId: uuidv7(), emptyStore: true });
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerTablets());
    const name = `Tablet …${lost.slice(-6)}`;
    const summary = await screen.findByRole('region', { name: 'Records that never arrived' });
    expect(within(summary).getByText(`${name} (Demo Advisor): 12 unsent records`)).toBeTruthy();
    const day = shortDateInWords(todayIso(new Date(reportedAt)), todayIso());
    expect(screen.getByText(`This tablet last reported 12 unsent records on ${day}; they have not arrived. Look for a backup file.`)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: `Dismiss warning ${name}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss warning' }));
    expect(await screen.findByText(`The warning about ${name} is closed; the history keeps it.`)).toBeTruthy();
    expect(await screen.findByText(/dismissed the missing-records warning for/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Records that never arrived' })).toBeNull();
  });

  it('keeps the screens and the Center link from advisors', async () => {
    await signedInAs(server.email);
    renderAt(paths.centerTablets());
    expect(await screen.findByText('These screens are for center administrators.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Center' })).toBeNull();
  });

  it('asks for a new password before anything else after a one-time password, then opens the app', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const admin = await api.signIn({ email: ADMIN_EMAIL, password: PASSWORD, deviceId: uuidv7() });
    const body = { email: 'new@school.example', name: 'Nia New', role: 'advisor' };
    const issued = await api.request('POST', '/api/admin/accounts', oneTimePasswordResponseSchema, { token: admin.token, body });
    await signedInAs('new@school.example', issued.oneTimePassword);
    renderAt(paths.batches());
    expect(await screen.findByRole('heading', { name: 'Choose your password' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Password you were given'), { target: { value: issued.oneTimePassword } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.input(screen.getByLabelText('New password again'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my password' }));
    expect(await screen.findByText('Use at least 10 characters.', {}, SCRYPT_WAIT)).toBeTruthy();

    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'nia chose this one' } });
    fireEvent.input(screen.getByLabelText('New password again'), { target: { value: 'nia chose this one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my password' }));
    expect(await screen.findByRole('link', { name: 'Batches' }, SCRYPT_WAIT)).toBeTruthy();
    expect((await readSession(store.db))?.user.mustChangePassword).toBe(false);
    await createApiClient({ baseUrl: server.baseUrl }).signIn({ email: 'new@school.example', password: 'nia chose this one', deviceId: uuidv7() });
  });

  it('shows each school’s SSID collection for the chosen year, in words beside the bars, and downloads the same numbers as CSV', async () => {
    // jsdom's Blob cannot stream, so this push goes uncompressed.
    const api = createApiClient({ baseUrl: server.baseUrl, gzip: false });
    const deviceId = uuidv7();
    const advisor = await api.signIn({ email: server.email, password: server.password, deviceId });
    const schools = await server.handle.db.selectFrom('schools').select(['id', 'name']).orderBy('name').execute();
    const [first, second] = schools as [{ id: string; name: string }, { id: string; name: string }];
    const paper = (n: number, schoolId: string, ssid: boolean, source: 'school_records' | 'student_form' = 'student_form') => {
      const m = mutation(n, schoolId);
      return { ...m, application: { ...m.application, ...(ssid ? { ssidSource: source } : { ssid: '', ssidSource: '' as const }) }, ssidSource: ssid ? source : null };
    };
    const pushed = await api.push(advisor.token, deviceId, [
      paper(1, first.id, true, 'school_records'), paper(2, first.id, true), paper(3, first.id, false), paper(4, second.id, false),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    await signedInAs(ADMIN_EMAIL);
    renderAt(paths.centerProgress());

    const year = (await screen.findByLabelText('Program year')) as HTMLSelectElement;
    fireEvent.change(year, { target: { value: '2025-26' } });
    expect(await screen.findByText('2 of 4 students have an SSID on record (50%); 2 missing.')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Schools' });
    const firstItem = within(list).getByText(first.name).closest('li')!;
    expect(within(firstItem).getByText('2 of 3 students have an SSID on record (66%); 1 missing.')).toBeTruthy();
    expect(within(within(firstItem).getByText('School records').parentElement!).getByText('1')).toBeTruthy();
    const secondItem = within(list).getByText(second.name).closest('li')!;
    expect(within(secondItem).getByText('0 of 1 student has an SSID on record (0%); 1 missing.')).toBeTruthy();

    const link = screen.getByRole('link', { name: 'Download CSV for the statewide office' });
    expect(link.getAttribute('download')).toMatch(/-2025-26-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = new TextDecoder().decode(await blobs.get(link.getAttribute('href')!)!.arrayBuffer());
    expect(csv).toContain(`,2025-26,${first.name},`);
    expect(csv.trim().split('\r\n').at(-1)).toMatch(/,2025-26,All schools,,4,2,1,1,0,1,2$/);
    expect(await seriousViolations()).toEqual([]);
  });
});
