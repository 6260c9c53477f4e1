/**
 * Issue 4's advisor journey in real Chromium against the real server: students
 * without SSIDs at a school, the request CSV downloaded and read back, a
 * school's messy return (BOM, semicolons, M/D/YYYY, an accent the school
 * dropped) loaded, reviewed and accepted, synced, and each SSID's source and
 * history on the student's Record information page. Returns as registrars
 * also send them, an .xlsx workbook and the state system's caret extract, are
 * read into the same review under the app's real CSP.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blankFields } from '../../src/shared/application';
import { uuidv7 } from '../../src/shared/ids';
import { programYearOf } from '../../src/shared/policy';
import { excelSerial, writeXlsx } from '../fixtures/xlsx';
import { apiSession, launchBrowser, startServer, tabletContext, type RunningServer } from './harness';
import { signIn, syncNow } from './journeys';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let schoolName: string;

/** Students another tablet already sent, without SSIDs except the last. */
const STUDENTS = [
  { firstName: 'Ana Lucía', lastName: 'García-López', dateOfBirth: '2012-03-10', grade: '7', schoolStudentId: 'B1001', ssid: '' },
  { firstName: 'Marcus', lastName: 'O’Neil', dateOfBirth: '2011-11-02', grade: '8', schoolStudentId: 'B1002', ssid: '' },
  { firstName: 'Diego', lastName: 'Ramírez', dateOfBirth: '2012-01-15', grade: '6', schoolStudentId: '', ssid: '' },
  { firstName: 'Thuy', lastName: 'Nguyen', dateOfBirth: '2012-06-21', grade: '7', schoolStudentId: 'B1004', ssid: '4821937560' },
];

/** The school's return as an Excel save on a European-locale machine would write it. */
const RETURN_FILE = Buffer.from(
  [
    '\uFEFFLegal Last Name;Student First Name;Birthdate;Statewide Student ID;Grade',
    'Garcia Lopez;Ana Lucia;3/10/2012;3120558741;7',
    'O\'Neil;Marcus;11/2/2011;3120558742;8',
    'Ramirez;Diego;1/15/2012;3120558743;6',
    'Park;Zoe;4/4/2012;312055874;7',
  ].join('\r\n'),
  'utf8',
);

/**
 * The same students in a workbook as a registrar's Excel export holds them: a
 * date cell, a day number in a General cell, an SSID stored as a number; and a
 * second sheet of notes long enough (over 512 KB inflated) that the reader's
 * unzipper would hand it to a worker the CSP refuses.
 */
const RETURN_WORKBOOK = Buffer.from(
  writeXlsx([
    {
      name: 'SSIDs',
      rows: [
        ['Last Name', 'First Name', 'Birth Date', 'SSID'],
        ['Garcia Lopez', 'Ana Lucia', excelSerial('2012-03-10'), 3120558741],
        ['O\'Neil', 'Marcus', excelSerial('2011-11-02').serial, '3120558742'],
        ['Ramirez', 'Diego', excelSerial('2012-01-15'), 3120558743],
      ],
    },
    { name: 'Notes', rows: [['Sent by the registrar. '.repeat(30_000)]] },
  ]),
);

/** The same students as the state system's caret extract, with no header row. */
const RETURN_EXTRACT = Buffer.from(
  ['3120558741^B1001^Garcia Lopez^Ana Lucia^20120310', '3120558742^B1002^O\'Neil^Marcus^20111102', '3120558743^^Ramirez^Diego^20120115', ''].join('\r\n'),
  'utf8',
);

/** What the server's database holds for each student, read straight from its SQLite file. */
function serverSsids(): Map<string, { ssid: string | null; source: string | null }> {
  const db = new Database(join(server.dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select last_name as lastName, ssid, ssid_source as source from students').all() as { lastName: string; ssid: string | null; source: string | null }[];
    return new Map(rows.map((r) => [r.lastName, { ssid: r.ssid, source: r.source }]));
  } finally {
    db.close();
  }
}

/** Sends the students from another device through the sync API, as a tablet would. */
async function seedStudents(): Promise<void> {
  const deviceId = uuidv7();
  const token = await apiSession(server.url, deviceId);
  const auth = { authorization: `Bearer ${token}` };
  const pull = (await (await fetch(`${server.url}/api/sync/pull`, { headers: auth })).json()) as { schools: { id: string; name: string }[] };
  const school = pull.schools[0]!;
  schoolName = school.name;
  const programYear = programYearOf(new Date().toISOString().slice(0, 10));
  const mutations = STUDENTS.map((s, i) => ({
    mutationId: i + 1, recordId: uuidv7(), studentId: uuidv7(), version: 1, baseServerVersion: null,
    application: blankFields({ ...s, schoolId: school.id, programYear, ssidSource: s.ssid ? 'student_form' : '' }),
    ssidSource: s.ssid ? 'student_form' : null, confirmedAt: new Date().toISOString(),
  }));
  const push = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ deviceId, mutations }),
  });
  assert.equal(push.status, 200, await push.text());
}

/** Syncs, and waits until the tablet says everything went. */
async function syncAll(): Promise<void> {
  await syncNow(page);
  await page.getByText('Everything is synced').waitFor();
  await page.getByText(/^Last sync .*(up to date|sent)/).waitFor();
}

before(async () => {
  server = await startServer();
  await seedStudents();
  browser = await launchBrowser();
  context = await tabletContext(browser, server.url);
  page = await context.newPage();
  await page.goto('/');
  await signIn(page);
  // The sign-in's first sync brings the roster.
  await syncAll();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the request list names the students without an SSID and downloads as CSV', async () => {
  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByText('4 students on the roster').waitFor();
  await page.getByRole('link', { name: 'SSID request list' }).click();
  await page.getByLabel('School').selectOption({ label: schoolName });
  await page.getByText(`3 students at ${schoolName} without a CA SSID.`).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^ssid-request-.+-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark, so Excel shows the accents');
  assert.deepEqual(bytes.subarray(3).toString('utf8').split('\r\n'), [
    'First Name,Last Name,Date of Birth,Grade,School Student ID',
    'Ana Lucía,García-López,03/10/2012,7,B1001',
    'Marcus,O’Neil,11/02/2011,8,B1002',
    'Diego,Ramírez,01/15/2012,6,',
    '',
  ]);
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), true);
});

test('an .xlsx workbook and a caret-delimited extract are read into the same matching and review', async () => {
  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByRole('link', { name: 'Load a school’s return' }).click();
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByLabel('School’s return file').setInputFiles({ name: 'bayview.xlsx', mimeType: xlsxType, buffer: RETURN_WORKBOOK });
  await page.getByRole('heading', { name: 'Exact matches (3)' }).waitFor();
  assert.deepEqual(await page.getByLabel('Sheet of the workbook').locator('option').allTextContents(), ['SSIDs', 'Notes']);
  await page.screenshot({ path: join(tmpdir(), 'returns-xlsx-review.png') });
  await page.getByRole('button', { name: 'Choose another file' }).click();

  await page.getByLabel('School’s return file').setInputFiles({ name: 'calpads-extract.txt', mimeType: 'text/plain', buffer: RETURN_EXTRACT });
  await page.getByRole('heading', { name: 'Exact matches (3)' }).waitFor();
  assert.equal(await page.getByLabel('Sheet of the workbook').count(), 0);
  await page.getByRole('button', { name: 'Choose another file' }).click();
});

test('a messy school return is reviewed, accepted, synced, and shown on each Record information page', async () => {
  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByRole('link', { name: 'Load a school’s return' }).click();
  await page.getByLabel('School’s return file').setInputFiles({ name: 'bayview-return.csv', mimeType: 'text/csv', buffer: RETURN_FILE });

  await page.getByRole('heading', { name: 'Exact matches (3)' }).waitFor();
  await page.getByRole('heading', { name: 'Invalid SSIDs (never applied) (1)' }).waitFor();
  await page.getByText('9 digits: one is missing').waitFor();
  await page.getByRole('button', { name: 'Accept all exact (3)' }).click();
  await page.getByRole('button', { name: 'Apply 3 SSID updates' }).click();
  await page.getByText(/3 SSID updates from bayview-return\.csv queued, with the source “School records”\. They sync like any edit/).waitFor();

  await syncAll();
  const onServer = serverSsids();
  assert.deepEqual(onServer.get('García-López'), { ssid: '3120558741', source: 'school_records' });
  assert.deepEqual(onServer.get('O’Neil'), { ssid: '3120558742', source: 'school_records' });
  assert.deepEqual(onServer.get('Ramírez'), { ssid: '3120558743', source: 'school_records' });
  assert.deepEqual(onServer.get('Nguyen'), { ssid: '4821937560', source: 'student_form' }, 'the student with an SSID was not touched');

  for (const [lastName, ssid] of [['García-López', '3120558741'], ['O’Neil', '3120558742'], ['Ramírez', '3120558743']] as const) {
    await page.getByRole('link', { name: 'Students', exact: true }).click();
    await page.getByLabel('Search by name, school, grade or CA SSID').fill(lastName);
    const row = page.getByRole('row', { name: new RegExp(lastName) });
    await row.getByText(`••••••${ssid.slice(-4)}`).waitFor();
    assert.equal(await page.getByText(ssid).count(), 0, 'the list shows the last four digits only');
    await row.getByRole('link').click();
    await page.getByRole('link', { name: '2. Record information' }).click();
    await page.getByRole('heading', { name: '2. Record information' }).waitFor();
    await page.getByTestId('record-ssid').getByText(ssid, { exact: true }).waitFor();
    await page.getByText('School records', { exact: true }).waitFor();
    await page.getByText(/by Demo Advisor/).first().waitFor();
    const history = page.locator('.history li');
    await history.first().waitFor();
    assert.match((await history.allTextContents()).join('\n'), new RegExp(`••••••${ssid.slice(-4)}`), 'the history lists the change');
  }
});
