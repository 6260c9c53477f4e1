/**
 * Issue 10's cross-tablet journey in real Chromium against the real server,
 * two browser contexts as two tablets: advisor A types a verifying batch and
 * sends it to be verified on another tablet, and syncs; advisor B signs in on
 * a tablet of their own, whose sync brings the batch, verifies it blind with
 * one SSID typed differently, settles it from the paper, confirms and syncs;
 * the server's Record information shows both names for every sheet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDemoUser, OTHER_ADVISOR, screenshots, serverEnrollments, tabletContext, waitForOfflineReady } from './harness';
import { confirmVerifiedAndSync, expectRecordKeying, keySecond, misread, openTabletForFile, sampleSheets, setOrUnlockPassphrase, startBatch, syncNow, typeSheets, unlock, type Sheet, type Tablet } from './journeys';

let tablet: Tablet;

openTabletForFile((opened) => {
  tablet = opened;
});

/** B's tablet: a context of its own, signed in as the other advisor, its first sync done. */
async function openSecondTablet(): Promise<Page> {
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

test('advisor B verifies on their tablet a batch advisor A typed and synced, and the server shows both keyers', async () => {
  addDemoUser(tablet.server.dataDir, OTHER_ADVISOR, 'advisor');
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

  const b = await openSecondTablet();
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

  await expectRecordKeying(b, sheets, `Verified: typed by Demo Advisor, verified by ${OTHER_ADVISOR.name}`);
});
