/**
 * Issue 13's journey in real Chromium against the real server, started on an
 * empty database without demo data: the first administrator is created with the
 * setup code the server printed; they add a school and an advisor; the advisor
 * signs in on a tablet with the one-time password, naming the tablet, chooses
 * their own password, and syncs a record; the administrator sees that record in
 * the SSID progress screen and its CSV download; the administrator finds that
 * tablet by its name on the Tablets screen and revokes it, and the tablet's next
 * sync says so with its records intact.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, serverEnrollments, startServer, tabletContext, type RunningServer } from './harness';
import { confirmBatch, sampleSheets, setOrUnlockPassphrase, startBatch, syncNow, typeSheet } from './journeys';

const ADMIN = { name: 'Lee Chen', email: 'lee@bayarea-mesa.example', password: 'lee chose this password' };
const ADVISOR = { name: 'Ana Ruiz', email: 'ana@bayarea-mesa.example', password: 'ana chose this password' };
/** What the advisor calls their tablet at sign-in, so the center can tell its tablets apart. */
const TABLET_NAME = 'Blue cart 3';

/** The counts beside a progress bar, by their label. */
async function progressNumbers(item: Locator): Promise<Record<string, string>> {
  const pairs = await item.locator('.progress-numbers > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '']));
  return Object.fromEntries(pairs);
}

let server: RunningServer;
let browser: Browser;
let adminContext: BrowserContext;
let tabletCtx: BrowserContext;
let admin: Page;
let tablet: Page;

before(async () => {
  server = await startServer({ env: { SEED_DEMO: '0' } });
  browser = await launchBrowser();
  adminContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 768 }, hasTouch: true });
  tabletCtx = await tabletContext(browser, server.url);
  admin = await adminContext.newPage();
  tablet = await tabletCtx.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the first administrator sets up the center, adds a school and an advisor, sees the advisor’s record in the SSID progress and its CSV, and revokes the advisor’s tablet by the name given at sign-in', async () => {
  const code = /setup code (\S+)/.exec(server.output())?.[1];
  assert.ok(code, `the server printed a setup code:\n${server.output()}`);

  await admin.goto('/');
  await admin.getByRole('heading', { name: 'Create the first center and its administrator' }).waitFor();
  await admin.getByLabel('Setup code').fill('wrong-code-here');
  await admin.getByLabel('Center name').fill('Bay Area MESA');
  await admin.getByLabel('Your name').fill(ADMIN.name);
  await admin.getByLabel('Your email').fill(ADMIN.email);
  await admin.getByLabel('Your password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Create center and administrator' }).click();
  await admin.getByText('That setup code is not right. Use the code the server printed when it started.').waitFor();
  await admin.getByLabel('Setup code').fill(code);
  await admin.getByRole('button', { name: 'Create center and administrator' }).click();
  await setOrUnlockPassphrase(admin);

  await admin.getByRole('link', { name: 'Center' }).click();
  await admin.getByRole('link', { name: 'Schools' }).click();
  await admin.getByLabel('School name').fill('Fremont High School');
  await admin.getByLabel('CDS code').fill('01-61259-0130229');
  await admin.getByLabel('City').fill('Oakland');
  await admin.getByRole('button', { name: 'Add school' }).click();
  await admin.getByText('Added Fremont High School. Tablets get it at their next sync.').waitFor();

  await admin.getByRole('link', { name: 'Advisors' }).click();
  await admin.getByLabel('Name').fill(ADVISOR.name);
  await admin.getByLabel('Email').fill(ADVISOR.email);
  await admin.getByRole('button', { name: 'Create account' }).click();
  const oneTime = (await admin.getByTestId('one-time-password').textContent())?.trim() ?? '';
  assert.match(oneTime, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await admin.getByText(`${ADMIN.name} created the account ${ADVISOR.email}`).waitFor();

  // The advisor's tablet: the one-time password and the tablet's name, then their own password, then the passphrase.
  await tablet.goto('/');
  await tablet.getByLabel('Email').fill(ADVISOR.email);
  await tablet.getByLabel('Password', { exact: true }).fill(oneTime);
  await tablet.getByLabel('This tablet’s name (optional)').fill(TABLET_NAME);
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await tablet.getByRole('heading', { name: 'Choose your password' }).waitFor();
  await tablet.getByLabel('Password you were given').fill(oneTime);
  await tablet.getByLabel('New password', { exact: true }).fill(ADVISOR.password);
  await tablet.getByLabel('New password again').fill(ADVISOR.password);
  await tablet.getByRole('button', { name: 'Save my password' }).click();
  await setOrUnlockPassphrase(tablet);
  // The header names the advisor once the app has read their session, as the Center link does.
  await tablet.getByRole('button', { name: `Account: ${ADVISOR.name}` }).waitFor();
  assert.equal(await tablet.getByRole('link', { name: 'Center' }).count(), 0, 'an advisor has no Center link');

  await syncNow(tablet);
  const [sheet] = sampleSheets(1, 13);
  await startBatch(tablet, 1);
  await typeSheet(tablet, sheet!);
  await confirmBatch(tablet, 1);
  await syncNow(tablet);
  await tablet.getByText('Everything is synced').waitFor();
  assert.deepEqual(serverEnrollments(server.dataDir).map((e) => e.lastName), [sheet!.lastName]);

  // The administrator's SSID progress: the one synced record, with its SSID from the student's paper, on screen and in the CSV.
  await admin.getByRole('link', { name: 'SSID progress' }).click();
  const school = admin.getByRole('listitem').filter({ hasText: 'Fremont High School' });
  await school.getByText('1 of 1 student has an SSID on record (100%); 0 missing.').waitFor();
  // The CDS code as it was stored: typed with dashes, kept as its 14 digits.
  assert.equal(await school.getByText('CDS 01612590130229').count(), 1);
  assert.deepEqual(await progressNumbers(school), { 'School records': '0', 'Student’s paper': '1', 'Student online': '0', 'Confirmed by a school return': '0' });
  const total = admin.getByRole('region', { name: 'All schools' });
  await total.getByText('1 of 1 student has an SSID on record (100%); 0 missing.').waitFor();
  const programYear = /^All schools, (\S+)$/.exec((await total.getByRole('heading').textContent()) ?? '')?.[1];
  assert.ok(programYear, 'the total names the program year');

  const downloading = admin.waitForEvent('download');
  await admin.getByRole('link', { name: 'Download CSV for the statewide office' }).click();
  const download = await downloading;
  assert.match(download.suggestedFilename(), new RegExp(`^ssid-progress-bay-area-mesa-${programYear}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(csv.errors, []);
  const counts = { Enrolled: '1', 'With SSID': '1', 'SSID from School Records': '0', 'SSID from Student Paper': '1', 'SSID from Student Online': '0', 'Confirmed by School Return': '0', 'Missing SSID': '0' };
  assert.deepEqual(csv.data, [
    { Center: 'Bay Area MESA', 'Program Year': programYear, School: 'Fremont High School', 'CDS Code': '01612590130229', ...counts },
    { Center: 'Bay Area MESA', 'Program Year': programYear, School: 'All schools', 'CDS Code': '', ...counts },
  ]);

  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    await admin.setViewportSize({ width, height });
    await admin.screenshot({ path: `/tmp/progress-${width}x${height}.png`, fullPage: true });
  }
  await admin.setViewportSize({ width: 1024, height: 768 });

  // The administrator finds the advisor's tablet by the name given at sign-in, and revokes it.
  await admin.getByRole('link', { name: 'Tablets' }).click();
  const row = admin.getByRole('listitem').filter({ hasText: ADVISOR.email });
  await row.getByText(TABLET_NAME, { exact: true }).waitFor();
  await row.getByRole('button', { name: `Revoke ${TABLET_NAME}` }).click();
  await row.getByRole('button', { name: 'Revoke tablet' }).click();
  await admin.getByText(`${TABLET_NAME} is signed out. It says so at its next sync; the records on it are kept.`).waitFor();
  await admin.getByText(`${ADMIN.name} revoked the tablet ${TABLET_NAME}`).waitFor();

  // The tablet's next sync says so; its records are still there.
  await tablet.getByRole('button', { name: 'Sync now' }).click();
  await tablet.getByText('Your center administrator signed this tablet out. The records on it are kept: sign in again to send them.').waitFor();
  await tablet.getByRole('link', { name: 'Sign in again' }).waitFor();
  await tablet.getByRole('link', { name: 'Records', exact: true }).click();
  await tablet.getByLabel('Search by name, CA SSID or school').fill(sheet!.lastName);
  await tablet.getByRole('link', { name: new RegExp(sheet!.lastName) }).first().waitFor();
  assert.equal(serverEnrollments(server.dataDir).length, 1, 'the server still holds the record once');
});
