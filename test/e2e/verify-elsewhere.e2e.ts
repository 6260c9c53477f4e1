/**
 * Issue 10's cross-tablet journey in real Chromium against the real server,
 * two browser contexts as two tablets: advisor A types a verifying batch and
 * sends it to be verified on another tablet, and syncs; advisor B signs in on
 * a tablet of their own, whose sync brings the batch, verifies it blind with
 * one SSID typed differently, settles it from the paper, confirms and syncs;
 * the server's Record information shows both names for every sheet. Then a
 * sheet B's keyings leave in "Needs a second look" is read from the paper on
 * B by a third person, and Record information names that look too; that
 * batch began after the center added the School Student ID to the verified
 * fields, so B keys it as well and Record information lists it verified. The
 * Batches list says, on each card, where a batch's sheets wait.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { uuidv7 } from '../../src/shared/ids';
import { addCenterAdmin, addDemoUser, apiSession, CENTER_ADMIN, OTHER_ADVISOR, screenshots, serverEnrollments, tabletContext, waitForOfflineReady } from './harness';
import { confirmVerifiedAndSync, expectRecordKeying, keySecond, misread, openTabletForFile, sampleSheets, setOrUnlockPassphrase, startBatch, syncNow, typeSheets, unlock, type Sheet, type Tablet } from './journeys';

const FIRST_KEYER = 'Demo Advisor';
const READER = 'Demo Second Advisor';

let tablet: Tablet;
let second: Page | undefined;

openTabletForFile((opened) => {
  tablet = opened;
});

/** B's tablet, opened by the first test that needs it: a context of its own, signed in as the other advisor, its first sync done. */
async function secondTablet(): Promise<Page> {
  second ??= await openSecondTablet();
  return second;
}

async function openSecondTablet(): Promise<Page> {
  addDemoUser(tablet.server.dataDir, OTHER_ADVISOR, 'advisor');
  const context = await tabletContext(tablet.browser, tablet.server.url);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(OTHER_ADVISOR.email);
  await page.getByLabel('Password').fill(OTHER_ADVISOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await setOrUnlockPassphrase(page);
  await waitForOfflineReady(page);
  await unlock(page);
  await page.getByText(/Last sync .*: /).waitFor();
  return page;
}

/**
 * The center's administrator adds the School Student ID to the verified fields,
 * through the route the Verification tab saves with (verification-required.e2e
 * drives the screen itself).
 */
async function centerVerifiesSchoolStudentId(): Promise<void> {
  addCenterAdmin(tablet.server.dataDir);
  const token = await apiSession(tablet.server.url, uuidv7(), CENTER_ADMIN);
  const saved = await fetch(`${tablet.server.url}/api/admin/verification`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ fields: ['schoolStudentId'] }),
  });
  assert.equal(saved.status, 200);
}

test('advisor B verifies on their tablet a batch advisor A typed and synced, and the server shows both keyers', async () => {
  const a = tablet.page;
  const sheets = sampleSheets(3, 20);
  await startBatch(a, 3, { verify: true });
  await typeSheets(a, sheets);
  await a.getByRole('link', { name: 'Review batch' }).click();
  await a.getByText('0 records are ready to confirm').waitFor();
  // The batch says where its sheets wait, so it never looks done before a second keyer has been.
  await a.getByText('3 sheets wait for a second keyer on this tablet.').waitFor();
  await a.getByRole('button', { name: 'Send to verify on another tablet' }).click();
  await a.getByText('3 records sent to be verified on another tablet.').waitFor();
  await a.getByText('3 sheets wait to be verified on another tablet after the next sync.').waitFor();
  await syncNow(a);
  await a.getByText('Everything is synced').waitFor();
  await a.getByText('3 sheets wait for a second keyer on another tablet.').waitFor();
  await screenshots(a, 'verify-elsewhere-waits');
  // The Batches list's card says it too: a batch sent elsewhere is not done.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await a.getByRole('list', { name: 'Not verified yet' }).getByText('3 sheets wait for a second keyer on another tablet.').waitFor();

  const b = await secondTablet();
  await b.getByRole('link', { name: 'Review' }).click();
  await b.getByRole('link', { name: 'Verify batch' }).click();
  await b.getByRole('heading', { name: 'Verify batch' }).waitFor();
  const picker = b.getByRole('group', { name: /Who is verifying/ });
  const offered = (await picker.locator('label').allTextContents()).map((t) => t.trim());
  assert.ok(!offered.includes('Demo Advisor'), 'the first keyer is not offered');
  await picker.getByLabel(OTHER_ADVISOR.name).check();
  await b.getByRole('button', { name: 'Start verifying' }).click();

  const [one, two, three] = sheets as [Sheet, Sheet, Sheet];
  await b.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await keySecond(b, one, one.ssid);
  await b.getByRole('heading', { name: 'Sheet 2' }).waitFor();
  await keySecond(b, two, misread(two.ssid));
  await b.getByRole('alert').getByText('The two keyings differ in CA SSID. Type it as the paper shows.').waitFor();
  assert.ok(!(await b.content()).includes(two.ssid), 'neither keying is shown');
  await b.waitForFunction(() => document.activeElement?.id === 'paper-ssid');
  await b.keyboard.type(two.ssid);
  await b.keyboard.press('Enter');
  await b.getByRole('heading', { name: 'Sheet 3' }).waitFor();
  await keySecond(b, three, three.ssid);
  await b.getByRole('status').getByText('3 verified · 0 to verify · 0 need a second look').waitFor();

  await confirmVerifiedAndSync(b, 3);
  assert.deepEqual(
    serverEnrollments(tablet.server.dataDir).map((e) => [e.lastName, e.ssid]).sort(),
    sheets.map((s) => [s.lastName, s.ssid]).sort(),
    'each record is on the server once, with the SSID the paper shows',
  );

  await expectRecordKeying(b, sheets, `Verified: typed by ${FIRST_KEYER}, verified by ${OTHER_ADVISOR.name}`);
});

test('a sheet pulled to B that ends in "Needs a second look" is read from the paper on B by another person, B keys the field the center added, and the server names both', async () => {
  const a = tablet.page;
  const [sheet] = sampleSheets(1, 61) as [Sheet];
  // A's tablet learns at its sync that the center verifies the School Student ID too; the batch it begins next keeps it.
  await centerVerifiesSchoolStudentId();
  await syncNow(a);
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await startBatch(a, 1, { verify: true });
  await typeSheets(a, [sheet]);
  await a.getByRole('link', { name: 'Review batch' }).click();
  await a.getByRole('button', { name: 'Send to verify on another tablet' }).click();
  await a.getByText('1 record sent to be verified on another tablet.').waitFor();
  await syncNow(a);
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  const aWaits = a.getByRole('list', { name: 'Not verified yet' });
  await aWaits.getByText('1 sheet waits for a second keyer on another tablet.').waitFor();

  const b = await secondTablet();
  await syncNow(b);
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  const bWaits = b.getByRole('list', { name: 'Not verified yet' });
  await bWaits.getByText('1 sheet waits for a second keyer on this tablet.').waitFor();
  await bWaits.locator('xpath=ancestor::li[contains(@class, "card")]').getByRole('link', { name: 'Review' }).click();
  await b.getByRole('link', { name: 'Verify batch' }).click();
  await b.getByRole('group', { name: /Who is verifying/ }).getByLabel(OTHER_ADVISOR.name).check();
  await b.getByRole('button', { name: 'Start verifying' }).click();

  // B's second keyer swaps two digits; the paper's third keying drops a digit's stroke: three readings, none alike.
  await b.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await b.getByLabel('School Student ID').waitFor();
  assert.ok(!(await b.content()).includes(sheet.schoolStudentId), 'the first entry’s School Student ID is not in the page');
  await keySecond(b, sheet, misread(sheet.ssid), sheet.schoolStudentId);
  await b.getByRole('alert').getByText('The two keyings differ in CA SSID. Type it as the paper shows.').waitFor();
  await b.waitForFunction(() => document.activeElement?.id === 'paper-ssid');
  await b.keyboard.type(`${sheet.ssid.slice(0, 3)}${(Number(sheet.ssid[3]) + 1) % 10}${sheet.ssid.slice(4)}`);
  await b.keyboard.press('Enter');
  const look = b.getByRole('region', { name: 'Needs a second look' });
  await look.getByRole('button', { name: 'Read sheet 1 from the paper' }).waitFor();
  assert.ok(!(await b.content()).includes(sheet.ssid), 'the first entry’s SSID is not in the page');

  // Where the sheet waits, on B's card: a person reads the paper here.
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await bWaits.getByText('1 sheet needs a second look at the paper on this tablet.').waitFor();
  await bWaits.locator('xpath=ancestor::li[contains(@class, "card")]').getByRole('link', { name: 'Review' }).click();
  await b.getByRole('link', { name: 'Verify batch' }).click();
  await look.getByRole('button', { name: 'Read sheet 1 from the paper' }).click();
  const reader = b.getByRole('group', { name: /Who is reading the paper/ });
  const offered = (await reader.locator('label').allTextContents()).map((t) => t.trim());
  assert.ok(!offered.includes(FIRST_KEYER), 'the first keyer may not settle the sheet');
  await reader.getByLabel(READER).check();
  await screenshots(b, 'verify-elsewhere-second-look');
  await b.getByLabel('CA SSID as the paper reads').fill(sheet.ssid);
  await b.keyboard.press('Enter');
  await look.waitFor({ state: 'detached' });
  await b.getByRole('status').getByText('1 verified · 0 to verify · 0 need a second look').waitFor();

  await confirmVerifiedAndSync(b, 1);
  assert.deepEqual(
    serverEnrollments(tablet.server.dataDir).filter((e) => e.lastName === sheet.lastName).map((e) => e.ssid),
    [sheet.ssid],
    'the record is on the server once, with the SSID the paper shows',
  );
  await expectRecordKeying(b, [sheet], `Verified: typed by ${FIRST_KEYER}, verified by ${OTHER_ADVISOR.name}, read on the paper at a second look by ${READER}`);
  await b.getByTestId('record-verified-fields').getByText(`School Student ID: verified by ${OTHER_ADVISOR.name}`, { exact: true }).waitFor();

  // A's card says the sheet waits until A's next sync takes B's verified version; then no card says a sheet waits.
  await screenshots(a, 'verify-elsewhere-batches');
  await syncNow(a);
  await a.waitForFunction(() => document.querySelector('[aria-label="Not verified yet"]') === null);
});
