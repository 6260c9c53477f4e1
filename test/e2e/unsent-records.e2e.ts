/**
 * Issue 13 item 3 in real Chromium against the real server: loss is never
 * silent. An advisor's tablet holds records the server never got and has
 * reported them at its sync; then its storage is cleared (a new browser
 * context, the same advisor) and the advisor signs in on it. The advisor is
 * warned and sent to the Backup screen; the center administrator's Tablets
 * screen says which tablet's records have not arrived.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { addCenterAdmin, CENTER_ADMIN as ADMIN, goOffline, screenshots, launchBrowser, startServer, tabletContext, waitUntil, type RunningServer } from './harness';
import { sampleSheets, setOrUnlockPassphrase, signIn, startBatch, syncNow, typeSheets } from './journeys';

/** What the server holds of each device's last report, read straight from its SQLite file. */
function serverReports(dataDir: string): { deviceId: string; unsent: number | null }[] {
  const db = new Database(join(dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select device_id as deviceId, unsent_records as unsent from devices order by created_at').all() as { deviceId: string; unsent: number | null }[];
  } finally {
    db.close();
  }
}

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


test('a tablet that reported unsent records signs in again with its storage cleared: the advisor is sent to look for a backup file and the administrator sees which tablet’s records have not arrived', async () => {
  // The advisor's tablet types two sheets; they are drafts, so the sync reports them unsent and sends nothing.
  const first = await tabletContext(browser, server.url);
  const tablet = await first.newPage();
  await tablet.goto('/');
  await signIn(tablet);
  await tablet.getByText(/Last sync .*: /).waitFor();
  const sheets = sampleSheets(2, 21);
  await startBatch(tablet, sheets.length);
  await typeSheets(tablet, sheets);
  await tablet.getByRole('link', { name: 'Batches', exact: true }).click();
  await syncNow(tablet);
  // "Sync now" may show the last sync's line before this sync's report is in: wait for the server to hold it.
  await waitUntil(() => serverReports(server.dataDir)[0]?.unsent === 2, 'the server took the tablet’s report of its two unsent records');
  const [reported] = serverReports(server.dataDir);

  // The tablet goes offline and its storage is lost: the same advisor signs in on a tablet with nothing stored.
  await goOffline(first);
  await first.close();
  const wiped = await tabletContext(browser, server.url);
  const advisor = await wiped.newPage();
  await advisor.goto('/');
  await signIn(advisor);
  const banner = advisor.getByRole('status', { name: 'Records that have not arrived' });
  await banner.getByText(/^Your tablet “.+” last reported 2 unsent records on [A-Z][a-z]{2} \d{1,2}; they have not arrived\.$/).waitFor();
  await banner.getByText('If that was this tablet, its storage was cleared: look for a backup file. If that tablet still works, the records are on it: open it and sync.').waitFor();
  await screenshots(advisor, 'unsent-banner');
  await banner.getByRole('link', { name: 'Look for a backup file' }).click();
  await advisor.getByRole('heading', { name: 'Backup', exact: true }).waitFor();
  assert.equal(await banner.count(), 1, 'the warning stays above the Backup screen until the advisor deals with it');

  // The center administrator's Tablets screen names the tablet whose records have not arrived.
  const adminContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 768 }, hasTouch: true });
  const admin = await adminContext.newPage();
  await admin.goto('/');
  await admin.getByLabel('Email').fill(ADMIN.email);
  await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await setOrUnlockPassphrase(admin);
  await admin.getByRole('link', { name: 'Center' }).click();
  await admin.getByRole('link', { name: 'Tablets' }).click();
  const summary = admin.getByRole('region', { name: 'Records that never arrived' });
  await summary.getByText(/\(Demo Advisor\): 2 unsent records$/).waitFor();
  const lost = admin.getByRole('listitem').filter({ hasText: reported!.deviceId.slice(-6) }).filter({ has: admin.getByRole('button', { name: /^Dismiss warning/ }) });
  await lost.getByText(/^This tablet last reported 2 unsent records on [A-Z][a-z]{2} \d{1,2}; they have not arrived\. Look for a backup file\.$/).waitFor();
  await lost.getByText('Demo Advisor signed in on a tablet with nothing stored', { exact: false }).waitFor();
  await screenshots(admin, 'unsent-tablets');
});
