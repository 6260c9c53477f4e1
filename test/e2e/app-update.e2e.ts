/**
 * An app update in the middle of a school visit: a new version of the app is
 * published while the advisor is half-way through a sheet. The app says so,
 * reloads nothing by itself, and "Update now" saves the typing first.
 */
import assert from 'node:assert/strict';
import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { precompressDir } from '../../scripts/precompress';
import { launchBrowser, startServer, tabletContext, waitForOfflineReady, type RunningServer } from './harness';
import { openRecord, sampleSheets, signIn, startBatch, unlock } from './journeys';

// The server serves a copy of the build, so a new version can be published under it.
const distDir = mkdtempSync(join(tmpdir(), 'mesa-dist-'));
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  cpSync('dist', distDir, { recursive: true });
  server = await startServer({ env: { DIST_DIR: distDir } });
  browser = await launchBrowser();
  context = await tabletContext(browser, server.url);
  page = await context.newPage();
  await page.goto('/');
  await signIn(page);
  await waitForOfflineReady(page);
  await unlock(page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(distDir, { recursive: true, force: true });
});

test('a new version waits for "Update now" and never reloads over a half-typed sheet', async () => {
  const [sheet] = sampleSheets(1, 5);
  assert.ok(sheet);
  await startBatch(page, 1);
  await page.keyboard.type(sheet.firstName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(sheet.middleName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(sheet.lastName.slice(0, 4));
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  // Publish a new version: its service worker differs byte for byte, and, as a build
  // would, its compressed copies are written again (the server sends those first).
  appendFileSync(join(distDir, 'sw.js'), '\n// next release\n');
  await precompressDir(distDir);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await page.getByText('A new version is ready.').waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'nothing reloaded by itself');
  assert.equal(await page.locator('#f-lastName').inputValue(), sheet.lastName.slice(0, 4), 'the half-typed field is untouched');

  await page.getByRole('button', { name: 'Update now' }).click();
  await page.waitForFunction(() => (window as unknown as { sameDocument?: boolean }).sameDocument === undefined);
  await unlock(page);
  await openRecord(page, sheet.firstName);
  assert.equal(await page.locator('#f-firstName').inputValue(), sheet.firstName);
  assert.equal(await page.locator('#f-middleName').inputValue(), sheet.middleName);
  assert.equal(await page.locator('#f-lastName').inputValue(), sheet.lastName.slice(0, 4), 'every keystroke survived the update');
});
