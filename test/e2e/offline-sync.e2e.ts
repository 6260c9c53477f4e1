/**
 * Issue 3's journey in real Chromium against the real server: sign in online,
 * confirm five applications with no network, reload, come back online, sync,
 * and the server holds exactly those five, however often sync runs again.
 * Then an SSID that another student already holds comes back as a conflict
 * that the advisor resolves in the app.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { blankFields } from '../../src/shared/application';
import { uuidv7 } from '../../src/shared/ids';
import { apiSession, goOffline, goOnline, serverEnrollments } from './harness';
import {
  confirmBatch, openTabletForFile, reloadAndUnlock, sampleSheets, startBatch, syncNow as syncNowIn, typeSheets, type Sheet, type Tablet,
} from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

/** Types and confirms a whole batch while offline, then reloads. */
async function confirmBatchOffline(sheets: Sheet[]): Promise<void> {
  await goOffline(tablet.context);
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await startBatch(page, sheets.length);
  await typeSheets(page, sheets);
  await confirmBatch(page, sheets.length);
  await reloadAndUnlock(page);
  await page.getByText(`${sheets.length} waiting to sync`).waitFor();
}

const syncNow = () => syncNowIn(page);

test('five applications confirmed offline reach the server exactly once, however often sync runs', async () => {
  const sheets = sampleSheets(5, 1);
  await confirmBatchOffline(sheets);
  assert.equal(serverEnrollments(tablet.server.dataDir).length, 0, 'nothing left the tablet while offline');

  await goOnline(tablet.context);
  await syncNow();
  await page.getByText('Everything is synced').waitFor();
  const held = serverEnrollments(tablet.server.dataDir);
  assert.deepEqual(held.map((e) => e.lastName).sort(), sheets.map((s) => s.lastName).sort());
  assert.deepEqual(held.map((e) => e.ssid).sort(), sheets.map((s) => s.ssid).sort());

  await syncNow();
  await reloadAndUnlock(page);
  await syncNow();
  assert.equal(serverEnrollments(tablet.server.dataDir).length, 5, 'syncing again adds nothing');
});

test('an SSID another student already holds comes back as a conflict that the advisor resolves', async () => {
  const [sheet] = sampleSheets(1, 2);
  assert.ok(sheet);
  // Another tablet already sent a different student with that SSID.
  const otherDevice = uuidv7();
  const token = await apiSession(tablet.server.url, otherDevice);
  const pull = (await (await fetch(`${tablet.server.url}/api/sync/pull`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    schools: { id: string }[];
  };
  const schoolId = pull.schools[0]!.id;
  const push = await fetch(`${tablet.server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      deviceId: otherDevice,
      mutations: [{
        mutationId: 1, recordId: uuidv7(), studentId: uuidv7(), version: 1, baseServerVersion: null,
        application: blankFields({ firstName: 'Luis', lastName: 'Ortega', dateOfBirth: '2011-05-02', grade: '8', schoolId, programYear: '2026-27', ssid: sheet.ssid }),
        ssidSource: 'school_records', confirmedAt: new Date().toISOString(),
      }],
    }),
  });
  assert.equal(push.status, 200);
  const before = serverEnrollments(tablet.server.dataDir).length;

  await confirmBatchOffline([sheet]);
  await goOnline(tablet.context);
  await syncNow();
  await page.getByRole('link', { name: '1 needs attention' }).click();
  await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
  await page.getByText(/already|another student/i).first().waitFor();
  assert.equal(serverEnrollments(tablet.server.dataDir).length, before, 'the conflicting record was not stored');

  // The paper, read again, shows a different last digit.
  const corrected = `${sheet.ssid.slice(0, 9)}${(Number(sheet.ssid[9]) + 1) % 10}`;
  await page.getByRole('link', { name: 'Edit and resend' }).click();
  await page.locator('#f-ssid').fill(corrected);
  await page.locator('#f-ssidRekey').fill(corrected);
  await page.locator('#confirm-button').click();
  await page.getByText('Confirmed. It will be sent when the tablet is online.').waitFor();
  await syncNow();
  await page.getByText('Everything is synced').waitFor();

  const held = serverEnrollments(tablet.server.dataDir);
  assert.equal(held.length, before + 1);
  assert.equal(held.filter((e) => e.lastName === sheet.lastName).map((e) => e.ssid).join(), corrected);
  assert.equal(held.filter((e) => e.ssid === sheet.ssid).length, 1, 'the other student keeps the SSID');
});
