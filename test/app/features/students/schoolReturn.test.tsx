// @vitest-environment jsdom
/**
 * Loading a school's messy return against the tablet's roster: file errors,
 * progress, every review section, accepting, and the SSID updates queued in
 * the outbox with source `school_records`.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../axe';
import { completeFields, renderApp, screenStorePerTest, seedRecord } from '../../harness';
import { ROSTER, seedRoster } from './fixtures';
import { openOutbox } from '../../../../src/app/db/outbox';
import { readRosterEntry } from '../../../../src/app/db/roster';
import { excelSerial, writeXlsx } from '../../../fixtures/xlsx';
import { paths } from '../../../../src/app/paths';

const current = screenStorePerTest();

/** An Excel "CSV UTF-8" save from a European-locale machine: BOM, semicolons, M/D/YYYY. */
const MESSY = [
  '\uFEFFStudent First Name;Legal Last Name;Birthdate;Statewide Student ID',
  'Ana Lucia;Garcia Lopez;3/10/2012;3120558741', // accents and hyphen dropped: exact
  'Marcus;ONeil;11/2/2011;3120558742', // apostrophe dropped: exact
  'Thuy;Nguyen;6/21/2012;4821937561', // differs from the SSID she has
  'Deigo;Ramirez;1/15/2012;3120558743', // two letters swapped: probable
  'Sam;Lee;2/2/2012;3120558744', // twins on the roster: ambiguous
  'Zoe;Park;4/4/2012;312055874', // nine digits: invalid
  'Nobody;Here;5/5/2012;3120558745', // unmatched
].join('\r\n');

async function seedTwinsAndPaper(): Promise<string[]> {
  const ids = await seedRoster(current(), [
    ...ROSTER,
    { firstName: 'Sam', lastName: 'Lee', dateOfBirth: '2012-02-02', schoolStudentId: 'L2001' },
    { firstName: 'Sam', lastName: 'Lee', dateOfBirth: '2012-02-02', schoolStudentId: 'L2002' },
  ]);
  return ids;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Waits for the screen (its own chunk, loaded on first open), then chooses the file. */
async function upload(content: string | Uint8Array, name = 'return.csv') {
  const file = new File([typeof content === 'string' ? content : new Uint8Array(content)], name, { type: name.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv' });
  fireEvent.change(await screen.findByLabelText('School’s return file'), { target: { files: [file] } });
}

/** The mutations in the outbox, in send order (rows written in the clear, as queueSsidUpdates writes them). */
/** The queued mutations, opened (outbox rows are sealed at rest). */
async function queued() {
  const key = current().vault.key();
  return Promise.all((await current().db.outbox.toArray()).map(async (row) => (await openOutbox(key, row)).mutation));
}

const section = (title: RegExp) => screen.getByRole('region', { name: title });

describe('school return import', () => {
  it('sorts a messy return into the review sections and queues only what the advisor accepts', async () => {
    const ids = await seedTwinsAndPaper();
    renderApp(current(), paths.schoolReturn());
    await upload(MESSY);
    await screen.findByRole('heading', { name: 'Exact matches (2)' });

    expect(within(section(/^Probable matches/)).getByText(/Line 5/)).toBeTruthy();
    expect(within(section(/^Differs from the SSID/)).getByText(/differs from the one the student already has/)).toBeTruthy();
    expect(within(section(/^Invalid SSIDs/)).getByText(/9 digits: one is missing/)).toBeTruthy();
    expect(within(section(/^Unmatched/)).getByText(/No student with this name and date of birth/)).toBeTruthy();
    expect(within(section(/^Ambiguous/)).getByRole('group', { name: 'Line 6: which student is it?' })).toBeTruthy();
    // The school's numbers are masked like any list of SSIDs.
    expect(document.body.textContent).not.toContain('3120558741');
    // Invalid and unmatched rows cannot be accepted at all.
    expect(within(section(/^Invalid SSIDs/)).queryByRole('checkbox')).toBeNull();
    expect(within(section(/^Unmatched/)).queryByRole('checkbox')).toBeNull();

    const apply = () => screen.getByRole('button', { name: /^Apply \d+ SSID updates?$/ });
    expect(apply().textContent).toBe('Apply 0 SSID updates');
    expect((apply() as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Accept all exact (2)' }));
    expect(apply().textContent).toBe('Apply 2 SSID updates');
    // "Accept all exact" never takes the row that differs from what the student has.
    expect((screen.getByLabelText('Accept line 4') as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByLabelText('Accept line 5'));
    fireEvent.click(within(section(/^Ambiguous/)).getAllByRole('radio')[0]!);
    expect(apply().textContent).toBe('Apply 4 SSID updates');
    fireEvent.click(screen.getByLabelText('Accept line 5'));
    expect(apply().textContent).toBe('Apply 3 SSID updates');

    fireEvent.click(apply());
    await screen.findByText(/3 SSID updates from return\.csv queued, with the source “School records”\. They sync like any edit/);

    const updates = (await queued()).map((m) => (m && 'ssid' in m ? { studentId: m.studentId, ssid: m.ssid, source: m.source } : null));
    expect(updates).toEqual([
      { studentId: ids[0], ssid: '3120558741', source: 'school_records' },
      { studentId: ids[1], ssid: '3120558742', source: 'school_records' },
      { studentId: expect.any(String), ssid: '3120558744', source: 'school_records' },
    ]);
    expect([ids[5], ids[6]]).toContain(updates[2]!.studentId);
    expect((await readRosterEntry(current().db, ids[0]!))?.pendingSsidLast4).toBe('8741');
  });

  it('flags a school SSID that differs from the one typed from the paper and queues it only once accepted', async () => {
    const ids = await seedRoster(current(), ROSTER);
    const paper = await seedRecord(current(), null, completeFields({ firstName: 'Marcus', lastName: 'O’Neil', dateOfBirth: '2011-11-02', ssid: '3120558799' }));
    await current().db.applications.update(paper.id, { studentId: ids[1] });
    renderApp(current(), paths.schoolReturn());
    await upload('First Name,Last Name,DOB,SSID\nMarcus,O’Neil,11/02/2011,3120558742\n');
    const differs = await screen.findByRole('region', { name: /^Differs from the SSID/ });
    expect(within(differs).getByText(/Line 2/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept all exact (0)' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Accept line 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply 1 SSID update' }));
    await screen.findByText(/1 SSID update from return\.csv queued/);
    const [mutation] = await queued();
    expect(mutation).toMatchObject({ studentId: ids[1], ssid: '3120558742', source: 'school_records' });
    // The server holds no SSID for him yet: nothing is replaced there.
    expect(mutation).not.toHaveProperty('replaces');
  });

  it('tells the server which SSID an accepted differing number replaces', async () => {
    const ids = await seedRoster(current(), ROSTER);
    renderApp(current(), paths.schoolReturn());
    await upload('First Name,Last Name,DOB,SSID\nThuy,Nguyen,6/21/2012,4821937561\n');
    await screen.findByRole('region', { name: /^Differs from the SSID/ });
    fireEvent.click(screen.getByLabelText('Accept line 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply 1 SSID update' }));
    await screen.findByText(/1 SSID update from return\.csv queued/);
    const [mutation] = await queued();
    expect(mutation).toMatchObject({ studentId: ids[2], ssid: '4821937561', replaces: '7560' });
  });

  it('reads an Excel workbook (date cells, SSIDs stored as numbers) into the same review, from the sheet the advisor picks', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.schoolReturn());
    const workbook = writeXlsx([
      { name: 'Read me', rows: [['Sent by the registrar on Monday']] },
      {
        name: 'SSIDs',
        rows: [
          ['Legal Last Name', 'Student First Name', 'Birthdate', 'Statewide Student ID'],
          ['Garcia Lopez', 'Ana Lucia', excelSerial('2012-03-10'), 3120558741],
          ['ONeil', 'Marcus', excelSerial('2011-11-02'), 3120558742],
        ],
      },
    ]);
    await upload(workbook, 'bayview.xlsx');
    // The first sheet is read first; it has no return in it, and the advisor is told so.
    expect((await screen.findByRole('alert')).textContent).toMatch(/No column for/);
    fireEvent.change(screen.getByLabelText('Sheet of the workbook'), { target: { value: '1' } });
    await screen.findByRole('heading', { name: 'Exact matches (2)' });
    expect((screen.getByLabelText('Sheet of the workbook') as HTMLSelectElement).value).toBe('1');
  });

  it('reads a caret-delimited state extract with no header row into the same review', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.schoolReturn());
    await upload('3120558741^L1001^Garcia Lopez^Ana Lucia^20120310\r\n3120558742^^ONeil^Marcus^20111102\r\n', 'extract.txt');
    await screen.findByRole('heading', { name: 'Exact matches (2)' });
    expect(screen.queryByLabelText('Sheet of the workbook')).toBeNull();
  });

  it('says clearly why a file cannot be loaded', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.schoolReturn());
    await upload('First Name,Last Name,Birthdate\nAna,Garcia,3/10/2012\n', 'no-ssid.csv');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no-ssid.csv could not be loaded.');
    expect(alert.textContent).toMatch(/No column for the .*SSID/);
  });

  it('shows the rows read while a large file is parsed, then the review', async () => {
    await seedRoster(current(), ROSTER);
    renderApp(current(), paths.schoolReturn());
    const rows = Array.from({ length: 3000 }, (_, i) => `Student${i},Family${i},1/1/2012,${String(3_100_000_000 + i)}`);
    await upload(['First Name,Last Name,Birthdate,SSID', ...rows].join('\n'), 'district.csv');
    await screen.findByText(/^\d+ of 3000 rows read$/);
    expect(screen.getByRole('progressbar', { name: 'Reading district.csv' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Unmatched (3000)' }, { timeout: 30_000 });
  });

  it('has no serious accessibility violation on the picker or the review', async () => {
    await seedTwinsAndPaper();
    renderApp(current(), paths.schoolReturn());
    await screen.findByLabelText('School’s return file');
    expect(await seriousViolations()).toEqual([]);
    await upload(MESSY);
    await screen.findByRole('heading', { name: 'Exact matches (2)' });
    await waitFor(async () => expect(await seriousViolations()).toEqual([]));
  });
});
