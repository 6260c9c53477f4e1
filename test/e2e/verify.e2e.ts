/**
 * Issue 10's journey in real Chromium against the real server: one advisor
 * types a batch of three offline, a second advisor verifies it on the same
 * tablet with one SSID typed differently, settles it from the paper, the batch
 * confirms and syncs, and the server's Record information shows "verified"
 * with both names. The second and third keyings are blind: the first entry's
 * SSID is nowhere in the page while they are typed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline, goOnline, screenshots, serverEnrollments } from './harness';
import { confirmVerifiedAndSync, expectRecordKeying, misread, openTabletForFile, sampleSheets, type Sheet, startBatch, syncNow, type Tablet, typeSheet } from './journeys';

const FIRST_KEYER = 'Demo Advisor';
const SECOND_KEYER = 'Demo Second Advisor';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

/**
 * Fails if a first entry's value is anywhere in the page: in its markup or in
 * a field's value, but for the field the second keyer typed it into (`typedIn`).
 */
async function assertNotInPage(values: string[], typedIn = ''): Promise<void> {
  const html = await page.content();
  const fieldValues = await page.locator(`input:not([id="${typedIn}"])`).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const value of values) {
    assert.ok(!html.includes(value), `${value} is not in the verify screen's markup`);
    assert.ok(!fieldValues.includes(value), `${value} is not in any field`);
  }
}

/** Waits until the verify screen's first blank field has the cursor. */
async function waitForFirstBlankField(): Promise<void> {
  await page.waitForFunction(() => /^(second|paper)-ssid$/.test(document.activeElement?.id ?? ''));
}

/** The second keying of one sheet from the paper, keyboard only: Tab between fields, Enter to send. */
async function keySecond(sheet: Sheet, ssid: string): Promise<void> {
  await waitForFirstBlankField();
  await page.keyboard.type(ssid);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.firstName);
  // Halfway through the second keying, the first entry's SSID is nowhere in the page but where the second keyer typed it.
  await assertNotInPage([sheet.ssid], 'second-ssid');
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.lastName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.dobTyped);
  await page.keyboard.press('Enter');
}

test('a second advisor verifies a batch typed offline, settles a differing SSID from the paper, and the server shows both keyers', async () => {
  await goOffline(tablet.context);
  const sheets = sampleSheets(3, 10);
  await startBatch(page, 3, { verify: true });
  for (const [i, sheet] of sheets.entries()) {
    await typeSheet(page, sheet);
    await page.keyboard.press('Control+Enter');
    if (i < sheets.length - 1) await page.getByRole('heading', { name: `Sheet ${i + 2} of 3` }).waitFor();
  }

  // The confirm gate: a verifying batch's sheets wait for their second keying.
  await page.getByRole('link', { name: 'Review batch' }).click();
  await page.getByText('3 of 3 entered, 0 confirmed, 0 with problems').waitFor();
  await page.getByText('0 records are ready to confirm').waitFor();

  await page.getByRole('link', { name: 'Verify batch' }).click();
  await page.getByRole('heading', { name: 'Verify batch' }).waitFor();
  const picker = page.getByRole('group', { name: /Who is verifying/ });
  assert.deepEqual((await picker.locator('label').allTextContents()).map((t) => t.trim()), [SECOND_KEYER], 'the first keyer is not offered');
  await page.getByRole('button', { name: 'Start verifying' }).click();

  const [one, two, three] = sheets as [Sheet, Sheet, Sheet];
  await page.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await assertNotInPage(sheets.map((s) => s.ssid));
  await keySecond(one, one.ssid);

  await page.getByRole('heading', { name: 'Sheet 2' }).waitFor();
  await keySecond(two, misread(two.ssid));
  // The screen names the field, never which keying came first, and asks for the paper's value, blind.
  await page.getByRole('alert').getByText('The two keyings differ in CA SSID. Type it as the paper shows.').waitFor();
  await assertNotInPage([two.ssid, misread(two.ssid)]);
  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/verify-settle-${width}x${height}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
  await waitForFirstBlankField();
  await page.keyboard.type(two.ssid);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Sheet 3' }).waitFor();
  await keySecond(three, three.ssid);
  await page.getByText('Every typed sheet of this batch has been keyed a second time.').waitFor();
  const status = page.getByRole('status');
  await status.getByText('3 verified · 0 to verify · 0 need a second look').waitFor();
  await status.getByText('1 SSID differed between keyers; it was settled from the paper.').waitFor();

  await page.getByRole('link', { name: 'Back to the batch' }).click();
  // The batch keeps the count of SSIDs the keyers typed differently, beside what still waits.
  await page.getByText('1 SSID differed between keyers; it was settled from the paper.').waitFor();
  await screenshots(page, 'batch-ssid-settled');
  await page.getByRole('button', { name: 'Confirm all without problems' }).click();
  await page.getByText('3 records confirmed.').waitFor();

  await goOnline(tablet.context);
  await syncNow(page);
  await page.getByText('Everything is synced').waitFor();
  assert.deepEqual(
    serverEnrollments(tablet.server.dataDir).map((e) => [e.lastName, e.ssid]).sort(),
    sheets.map((s) => [s.lastName, s.ssid]).sort(),
    'each record reached the server once, with the SSID the paper shows',
  );
  // Synced, the batch's card still says it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await page.getByRole('listitem').getByText('1 SSID differed between keyers; it was settled from the paper.').waitFor();

  await expectRecordKeying(page, sheets, `Verified: typed by ${FIRST_KEYER}, verified by ${SECOND_KEYER}`);
});

test('a sheet whose paper keying agrees with neither is read from the paper at a second look, confirms, syncs, and Record information names the reader', async () => {
  const [sheet] = sampleSheets(1, 40) as [Sheet];
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await startBatch(page, 1, { verify: true });
  await typeSheet(page, sheet);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('link', { name: 'Review batch' }).click();
  await page.getByRole('link', { name: 'Verify batch' }).click();
  await page.getByRole('button', { name: 'Start verifying' }).click();

  // The second keyer swaps two digits; the paper's third keying drops a digit's stroke: three readings, none alike.
  await page.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await keySecond(sheet, misread(sheet.ssid));
  await page.getByRole('alert').getByText('The two keyings differ in CA SSID. Type it as the paper shows.').waitFor();
  await waitForFirstBlankField();
  const third = `${sheet.ssid.slice(0, 3)}${(Number(sheet.ssid[3]) + 1) % 10}${sheet.ssid.slice(4)}`;
  await page.keyboard.type(third);
  await page.keyboard.press('Enter');

  // Keyboard only from here: the cursor is on the sheet to read, Enter opens it, Space names the reader, Tab to the line.
  const look = page.getByRole('region', { name: 'Needs a second look' });
  await look.getByText([misread(sheet.ssid), sheet.ssid, third].sort().slice(0, 2).concat(third).join(' · ')).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Read sheet 1 from the paper');
  await page.screenshot({ path: '/tmp/verify-second-look-list-768x1024.png', fullPage: true });
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: /Who is reading the paper/ }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'reader');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'look-ssid', 'Tab goes from the reader to the SSID line');
  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/verify-second-look-${width}x${height}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.keyboard.type(sheet.ssid);
  await page.keyboard.press('Enter');
  await look.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('1 verified · 0 to verify · 0 need a second look').waitFor();

  await confirmVerifiedAndSync(page, 1);
  assert.ok(serverEnrollments(tablet.server.dataDir).some((e) => e.lastName === sheet.lastName && e.ssid === sheet.ssid), 'the server holds the SSID the paper shows');

  await page.getByRole('link', { name: 'Students', exact: true }).click();
  await page.getByLabel('Search by name, school, grade or CA SSID').fill(sheet.firstName);
  await page.getByRole('row', { name: new RegExp(sheet.lastName) }).getByRole('link').click();
  await page.getByRole('link', { name: '2. Record information' }).click();
  await page.getByTestId('record-ssid-keying')
    .getByText(`Verified: typed by ${FIRST_KEYER}, verified by ${SECOND_KEYER}, read on the paper at a second look by ${SECOND_KEYER}`, { exact: true }).waitFor();
});
