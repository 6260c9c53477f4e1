/**
 * Issue 10 in real Chromium against the real server: a center that requires
 * verification. The administrator chooses "Required for every sheet" on the
 * Verification tab with the keyboard only while an advisor's tablet is offline;
 * the advisor, not knowing yet, confirms a sheet typed once. Back online, the
 * server refuses that sheet for want of a second keyer;
 * the review points to Verify, which lists it as it came back; a second keyer
 * keys it blind, it is confirmed again and the server keeps it once. A new batch
 * then has its Verify switch on and locked, and a typed sheet is not ready to
 * confirm until a second keyer has verified it. The center verifies the School
 * Student ID too: the batch begun before the tablet learnt of it keys the four,
 * the new batch keys it as well, settled from the paper where the keyers differ.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addCenterAdmin, CENTER_ADMIN, goOffline, goOnline, screenshots, serverEnrollments, serverVerification, tabletContext } from './harness';
import { confirmBatch, confirmVerifiedAndSync, expectRecordKeying, keySecond, openTabletForFile, sampleSheets, setOrUnlockPassphrase, startBatch, syncNow, typeSheet, type Tablet } from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
  addCenterAdmin(opened.server.dataDir);
});

/** The administrator signs in on a tablet of their own and requires verification for every sheet, keyboard only. */
async function requireVerification(): Promise<void> {
  const admin = await (await tabletContext(tablet.browser, tablet.server.url)).newPage();
  await admin.goto('/');
  await admin.getByLabel('Email').fill(CENTER_ADMIN.email);
  await admin.getByLabel('Password', { exact: true }).fill(CENTER_ADMIN.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await setOrUnlockPassphrase(admin);
  await admin.getByRole('link', { name: 'Center' }).click();
  await admin.getByRole('link', { name: 'Verification' }).click();
  // Keyboard only: the checked choice takes focus from the tab, arrows move the choice, Tab reaches Save.
  const off = admin.getByRole('radio', { name: /When a batch asks for it/ });
  await off.focus();
  assert.equal(await off.isChecked(), true, 'a center starts with verification off');
  await admin.keyboard.press('ArrowDown');
  await admin.keyboard.press('ArrowDown');
  assert.equal(await admin.getByRole('radio', { name: /Required for every sheet/ }).isChecked(), true);
  // Tab reaches the fields it may add (the four always verified are not in the way); Space ticks School Student ID.
  await admin.keyboard.press('Tab');
  await admin.keyboard.press('Tab');
  assert.equal(await admin.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), 'schoolStudentId');
  await admin.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await admin.keyboard.press('Tab');
  assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Save');
  await admin.keyboard.press('Enter');
  await admin.getByText('Saved: required for every sheet; verified fields CA SSID, First name, Last name, Date of birth, School Student ID. Tablets take it at their next sync.').waitFor();
  // Saved, the button has nothing left to save, and the keyboard is still on it, not thrown back to the page.
  assert.equal(await admin.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled'), 'true');
  assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Save');
  await admin.getByText(/^Required since /).waitFor();
  await screenshots(admin, 'verification-setting');
}

test('a sheet confirmed offline after the center required verification is refused at sync, listed on Verify, keyed by a second advisor, confirmed again and kept once', async () => {
  const [sheet] = sampleSheets(1, 32);
  assert.ok(sheet);
  // The tablet is offline, so it does not learn of the new rule before the sheet is confirmed.
  await goOffline(tablet.context);
  await requireVerification();
  await startBatch(page, 1);
  await typeSheet(page, sheet);
  await confirmBatch(page, 1);

  await goOnline(tablet.context);
  await syncNow(page);
  const row = page.getByRole('listitem').filter({ hasText: sheet.lastName });
  await row.getByText('Server: Your center requires a second keyer for this sheet: verify it, then confirm it again.').waitFor();
  assert.deepEqual(serverEnrollments(tablet.server.dataDir), [], 'the server kept nothing of the refused sheet');

  await row.getByRole('link', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Verify batch' }).waitFor();
  await page.getByRole('status').getByText('0 verified · 1 to verify · 0 need a second look').waitFor();
  await page.getByRole('button', { name: 'Start verifying' }).click();
  await page.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await keySecond(page, sheet, sheet.ssid);
  await page.getByText('Every typed sheet of this batch has been keyed a second time.').waitFor();
  await page.getByRole('status').getByText('1 verified · 0 to verify · 0 need a second look').waitFor();

  await confirmVerifiedAndSync(page, 1);
  assert.deepEqual(serverEnrollments(tablet.server.dataDir).map((e) => [e.lastName, e.ssid]), [[sheet.lastName, sheet.ssid]], 'the server keeps the sheet once');
});

test('an advisor’s tablet then locks the Verify switch on and holds sheets back from Confirm', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Batches' }).click();
  await page.getByRole('link', { name: 'New batch' }).click();
  const verify = page.getByRole('checkbox', { name: /Verify: a second person/ });
  await verify.waitFor();
  assert.equal(await verify.isChecked(), true, 'the switch starts on where the center requires verification');
  assert.equal(await verify.isDisabled(), true, 'and cannot be turned off');
  await screenshots(page, 'verification-new-batch');
  const school = page.getByLabel('School');
  const firstSchool = await school.locator('option').nth(1).getAttribute('value');
  assert.ok(firstSchool);
  await school.selectOption(firstSchool);
  await page.getByLabel('Sheets in the stack').fill('1');
  await page.getByRole('button', { name: 'Start typing' }).click();
  const [sheet] = sampleSheets(1, 31);
  assert.ok(sheet);
  await typeSheet(page, sheet);
  await page.getByRole('link', { name: 'Review batch' }).click();
  await page.getByText('0 records are ready to confirm').waitFor();
  await page.getByText('A second keyer verifies this batch: each sheet is confirmed once it is verified.').waitFor();

  // The second keyer types the School Student ID too, differently, and the paper settles it.
  await page.getByRole('link', { name: 'Verify batch' }).click();
  await page.getByRole('button', { name: 'Start verifying' }).click();
  await page.getByRole('heading', { name: 'Sheet 1' }).waitFor();
  await page.getByLabel('School Student ID').waitFor();
  assert.ok(!(await page.content()).includes(sheet.schoolStudentId), 'the first entry’s School Student ID is not in the page');
  await keySecond(page, sheet, sheet.ssid, `${sheet.schoolStudentId}7`);
  await page.getByRole('alert').getByText('The two keyings differ in School Student ID. Type it as the paper shows.').waitFor();
  assert.ok(!(await page.content()).includes(sheet.schoolStudentId), 'nor while the paper is asked');
  await screenshots(page, 'verify-added-field');
  await page.keyboard.type(sheet.schoolStudentId);
  await page.keyboard.press('Enter');
  await page.getByText('Every typed sheet of this batch has been keyed a second time.').waitFor();
  await confirmVerifiedAndSync(page, 1);
  const stored = serverVerification(tablet.server.dataDir, sheet.lastName);
  assert.deepEqual(stored?.fields.map((f) => f.field), ['ssid', 'firstName', 'lastName', 'dateOfBirth', 'schoolStudentId'], 'the synced record is verified with the field the center added');
  assert.deepEqual(stored?.fields.at(-1), { ...stored?.fields.at(-1), first: sheet.schoolStudentId, second: `${sheet.schoolStudentId}7`, third: sheet.schoolStudentId, value: sheet.schoolStudentId });
  await expectRecordKeying(page, [sheet], 'Verified: typed by Demo Advisor, verified by Demo Second Advisor');
  await page.getByTestId('record-verified-fields').getByText('School Student ID: verified by Demo Second Advisor', { exact: true }).waitFor();
  await screenshots(page, 'record-verified-fields');
});
