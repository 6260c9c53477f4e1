// @vitest-environment jsdom
/**
 * The students list (search over the local roster, SSIDs masked) and the SSID
 * request list (rows, CSV download content), offline: only the tablet's current().
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../../axe';
import { completeFields, renderApp, screenStorePerTest, seedRecord } from '../../harness';
import { ROSTER, seedRoster } from './fixtures';
import { readRoster, readRosterEntry, readRosterFirstScreenful } from '../../../../src/app/db/roster';
import { keepRosterOrder, ROSTER_HEAD, sealRosterOrder, writeRosterOrderIfUnchanged } from '../../../../src/app/db/rosterOrder';
import { studentName } from '../../../../src/app/features/students/labels';
import { compareRosterPlaces } from '../../../../src/shared/roster-order';
import { paths } from '../../../../src/app/paths';

const current = screenStorePerTest();

/** jsdom has no object URLs: keep each Blob by the URL handed out, as a browser would. */
const blobs = new Map<string, Blob>();
let made = 0;
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    made += 1;
    const url = `blob:test/${made}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
  };
});
afterAll(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('students list', () => {
  it('lists the roster with SSIDs masked to their last four digits', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.students());
    await screen.findByText('5 students on the roster');
    const nguyen = screen.getByRole('link', { name: 'Nguyen, Thuy' }).closest('tr')!;
    expect(within(nguyen).getByText('••••••7560')).toBeTruthy();
    expect(document.body.textContent).not.toContain('4821937560');
    expect(within(screen.getByRole('link', { name: 'Raman, Priya' }).closest('tr')!).getByText('None yet')).toBeTruthy();
  });

  it.each([
    ['garcia', ['García-López, Ana Lucía']],
    ['roosevelt', ['Raman, Priya']],
    ['grade 7', ['García-López, Ana Lucía', 'Nguyen, Thuy']],
    ['7560', ['Nguyen, Thuy']],
    ['4821 937 560', ['Nguyen, Thuy']],
  ])('searching "%s" finds %j', async (query, names) => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.students());
    await screen.findByText('5 students on the roster');
    fireEvent.input(screen.getByLabelText('Search by name, school, grade or CA SSID'), { target: { value: query } });
    await screen.findByText(`${names.length} of 5 students match`);
    const links = within(screen.getByRole('table')).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(names);
  });

  const BY_NAME = ['García-López, Ana Lucía', 'Nguyen, Thuy', 'O’Neil, Marcus', 'Raman, Priya', 'Ramírez, Diego'];
  const shownNames = () => within(screen.getByRole('table')).getAllByRole('link').map((a) => a.textContent);
  const storedFirstScreenful = async () => (await readRosterFirstScreenful(current().db))?.map(studentName) ?? null;

  it('lists the roster by last then first name, and stores that order for the next first screenful', async () => {
    await seedRoster(current(), ROSTER);
    // A roster as the version before left it: no stored order, so the screen reads the whole roster first.
    expect(await storedFirstScreenful()).toBeNull();
    renderApp(current(), paths.students());
    await screen.findByText('5 students on the roster');
    expect(shownNames()).toEqual(BY_NAME);
    await waitFor(async () => expect(await storedFirstScreenful()).toEqual(BY_NAME));
  });

  it('ends in the roster’s order when the stored order is out of date, and puts the stored order right', async () => {
    const ids = await seedRoster(current(), ROSTER);
    // What an older tab's pull leaves: two students the stored order does not place, and in the wrong order.
    const stale = await sealRosterOrder(current().vault.key(), [ROSTER[3]!, ROSTER[0]!, ROSTER[2]!].map((s, i) => ({ ...s, studentId: ids[[3, 0, 2][i]!]! })));
    await current().db.transaction('rw', current().db.meta, () => writeRosterOrderIfUnchanged(current().db, null, stale));
    expect(await storedFirstScreenful()).toEqual(['Ramírez, Diego', 'García-López, Ana Lucía', 'Nguyen, Thuy']);

    renderApp(current(), paths.students());
    await screen.findByText('5 students on the roster');
    expect(shownNames()).toEqual(BY_NAME);
    await waitFor(async () => expect(await storedFirstScreenful()).toEqual(BY_NAME));
  });

  it('searches the whole roster, beyond its first screenful', async () => {
    const roster = Array.from({ length: ROSTER_HEAD + 5 }, (_, i) => ({
      ...ROSTER[0]!, firstName: `Student${String(i).padStart(2, '0')}`, lastName: `Zapata${String(ROSTER_HEAD + 4 - i).padStart(2, '0')}`,
    }));
    await seedRoster(current(), roster);
    await keepRosterOrder(current().db, [...(await readRoster(current().db))].sort(compareRosterPlaces));
    expect(await storedFirstScreenful()).toHaveLength(ROSTER_HEAD);

    renderApp(current(), paths.students());
    await screen.findByText(`${ROSTER_HEAD + 5} students on the roster`);
    expect(shownNames()[0]).toBe(`Zapata00, Student${ROSTER_HEAD + 4}`);
    fireEvent.input(screen.getByLabelText('Search by name, school, grade or CA SSID'), { target: { value: 'student00' } });
    await screen.findByText(`1 of ${ROSTER_HEAD + 5} students match`);
    expect(shownNames()).toEqual([`Zapata${ROSTER_HEAD + 4}, Student00`]);
  });

  it('has no serious accessibility violation', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.students());
    await screen.findByText('5 students on the roster');
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('SSID request list', () => {
  async function openFor(school: string) {
    renderApp(current(), paths.requestList());
    await screen.findByRole('option', { name: school });
    const select = screen.getByLabelText('School') as HTMLSelectElement;
    const option = within(select).getByRole('option', { name: school }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: option.value } });
  }

  it('lists the students still without an SSID and downloads them as CSV', async () => {
    await seedRoster(current(), ROSTER);
    await openFor('Lincoln Middle School');
    await screen.findByText('3 students at Lincoln Middle School without a CA SSID.');
    const link = await screen.findByRole('link', { name: 'Download CSV' });
    expect(link.getAttribute('download')).toMatch(/^ssid-request-lincoln-middle-school-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await blobs.get(link.getAttribute('href')!)!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFFirst Name,Last Name,Date of Birth,Grade,School Student ID',
      'Ana Lucía,García-López,03/10/2012,7,L1001',
      'Marcus,O’Neil,11/02/2011,8,L1002',
      // A formula-like cell is defused, so the school's spreadsheet shows it as text.
      'Diego,Ramírez,01/15/2012,6,"\'=cmd|calc"',
      '',
    ]);
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(await seriousViolations()).toEqual([]);
  });

  it('leaves out a student whose paper application gives an SSID', async () => {
    const [anaId] = await seedRoster(current(), ROSTER);
    await seedRecord(current(), null, completeFields({ firstName: 'Ana Lucía', lastName: 'García-López', ssid: '3120558741' }));
    const app = (await current().db.applications.toArray())[0]!;
    await current().db.applications.update(app.id, { studentId: anaId });
    await openFor('Lincoln Middle School');
    await screen.findByText('2 students at Lincoln Middle School without a CA SSID.');
  });

  it('says so when every student at the school has an SSID', async () => {
    await seedRoster(current(), [{ firstName: 'Thuy', lastName: 'Nguyen', dateOfBirth: '2012-06-21', ssid: '4821937560' }]);
    await openFor('Lincoln Middle School');
    await screen.findByText('Every student at Lincoln Middle School on this tablet’s roster has a CA SSID.');
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();
  });

  it('leaves out a student with an SSID update queued', async () => {
    const [anaId] = await seedRoster(current(), ROSTER);
    await current().db.roster.put({ ...(await readRosterEntry(current().db, anaId!))!, pendingSsidLast4: '8741', pendingSince: Date.now() });
    await openFor('Lincoln Middle School');
    await screen.findByText('2 students at Lincoln Middle School without a CA SSID.');
    expect(screen.queryByText('García-López')).toBeNull();
  });
});
