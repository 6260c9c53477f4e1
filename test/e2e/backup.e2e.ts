/**
 * The backup file, in real Chromium against the real server: a tablet exports
 * its unsynced records while offline, a second tablet imports the file (twice),
 * syncs, and the server holds each record once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline, serverEnrollments, tabletContext } from './harness';
import {
  confirmBatch, exportBackup, FILE_PASSPHRASE, openAccountMenu, openTabletForFile, sampleSheets, signIn, startBatch, typeSheet, type Tablet,
} from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

/** Imports the file and waits for the report it should give. */
async function importBackup(into: Page, file: string, report: RegExp): Promise<void> {
  await (await openAccountMenu(into)).getByRole('link', { name: 'Backup', exact: true }).click();
  await into.getByLabel('Backup file').setInputFiles(file);
  await into.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
  await into.getByRole('button', { name: 'Import backup file' }).click();
  await into.getByText(report).waitFor();
}

test('unsynced records exported offline are imported on another tablet once, however often, and reach the server once', async () => {
  const sheets = sampleSheets(2, 7);
  await goOffline(tablet.context);
  await startBatch(page, sheets.length);
  for (const [i, sheet] of sheets.entries()) {
    await typeSheet(page, sheet);
    if (i < sheets.length - 1) await page.keyboard.press('Control+Enter');
  }
  await confirmBatch(page, 2);

  const file = join(mkdtempSync(join(tmpdir(), 'mesa-backup-')), 'backup.json');
  await (await exportBackup(page, 'Saved 2 unsynced records')).saveAs(file);

  // Another tablet: its own browser storage, signed in to the same center.
  const other = await tabletContext(tablet.browser, tablet.server.url);
  const second = await other.newPage();
  await second.goto('/');
  await signIn(second);
  await importBackup(second, file, /Import finished: 2 added, 0 replaced, 0 skipped/);
  // Importing twice adds nothing.
  await importBackup(second, file, /Import finished: 0 added, 0 replaced, 2 skipped/);

  await second.getByRole('button', { name: 'Sync now' }).click();
  await second.getByText('Everything is synced').waitFor();
  const held = serverEnrollments(tablet.server.dataDir);
  assert.deepEqual(held.map((e) => e.lastName).sort(), sheets.map((s) => s.lastName).sort());
  await other.close();
});
