/**
 * Issue 10 in real Chromium against the real server: a center that requires
 * verification. The administrator chooses "Required for every sheet" on the
 * Verification tab with the keyboard only; an advisor's tablet takes it at its
 * next sync, so a new batch has its Verify switch on and locked, and a typed
 * sheet is not ready to confirm until a second keyer has verified it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addCenterAdmin, CENTER_ADMIN, screenshots, launchBrowser, startServer, tabletContext, type RunningServer } from './harness';
import { sampleSheets, setOrUnlockPassphrase, signIn, typeSheet } from './journeys';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  addCenterAdmin(server.dataDir);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


test('the administrator requires verification with the keyboard, and an advisor’s tablet then locks the Verify switch on and holds sheets back from Confirm', async () => {
  const admin = await (await tabletContext(browser, server.url)).newPage();
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
  await admin.keyboard.press('Tab');
  assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Save');
  await admin.keyboard.press('Enter');
  await admin.getByText('Saved: required for every sheet. Tablets take it at their next sync.').waitFor();
  await admin.getByText(/^Required since /).waitFor();
  await screenshots(admin, 'verification-setting');

  const tablet = await (await tabletContext(browser, server.url)).newPage();
  await tablet.goto('/');
  await signIn(tablet);
  await tablet.getByText(/Last sync .*: /).waitFor();
  await tablet.getByRole('link', { name: 'New batch' }).click();
  const verify = tablet.getByRole('checkbox', { name: /Verify: a second person/ });
  await verify.waitFor();
  assert.equal(await verify.isChecked(), true, 'the switch starts on where the center requires verification');
  assert.equal(await verify.isDisabled(), true, 'and cannot be turned off');
  await screenshots(tablet, 'verification-new-batch');
  const school = tablet.getByLabel('School');
  const firstSchool = await school.locator('option').nth(1).getAttribute('value');
  assert.ok(firstSchool);
  await school.selectOption(firstSchool);
  await tablet.getByLabel('Sheets in the stack').fill('1');
  await tablet.getByRole('button', { name: 'Start typing' }).click();
  const [sheet] = sampleSheets(1, 31);
  assert.ok(sheet);
  await typeSheet(tablet, sheet);
  await tablet.getByRole('link', { name: 'Review batch' }).click();
  await tablet.getByText('0 records are ready to confirm').waitFor();
  await tablet.getByText('A second keyer verifies this batch: each sheet is confirmed once it is verified.').waitFor();
});
