/**
 * Browser faults: the server commits a push but its answer never reaches the
 * tablet, and the advisor closes the app before anything else happens. When
 * the app opens again it syncs, and every record is on the server exactly once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { goOffline, serverEnrollments } from './harness';
import { confirmBatch, openTabletForFile, sampleSheets, startBatch, typeSheets, unlock, type Tablet } from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

test('a push committed on the server whose answer is lost, then the app closed, leaves each record on the server once', async () => {
  const sheets = sampleSheets(4, 3);
  await goOffline(tablet.context);
  await startBatch(page, sheets.length);
  await typeSheets(page, sheets);
  await confirmBatch(page, sheets.length);

  // Back online, but the first push's answer is cut after the server has committed it.
  let pushed!: () => void;
  const committed = new Promise<void>((resolve) => { pushed = resolve; });
  await tablet.context.unrouteAll({ behavior: 'wait' });
  await tablet.context.route('**/api/sync/push', async (route: Route) => {
    const answer = await route.fetch();
    assert.equal(answer.status(), 200, 'the server accepted the push');
    pushed();
    await route.abort('connectionreset');
  });
  await tablet.context.setOffline(false);
  await committed;
  await page.close();
  assert.equal(serverEnrollments(tablet.server.dataDir).length, sheets.length, 'the server committed the push');

  await tablet.context.unrouteAll({ behavior: 'wait' });
  page = await tablet.context.newPage();
  await page.goto('/');
  await unlock(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('Everything is synced').waitFor();

  const held = serverEnrollments(tablet.server.dataDir);
  assert.deepEqual(held.map((e) => e.lastName).sort(), sheets.map((s) => s.lastName).sort(), 'nothing lost, nothing doubled');
  const ids = new Set(held.map((e) => e.id));
  assert.equal(ids.size, sheets.length);
  console.log(`answer lost after commit, page closed: sent ${sheets.length}, on server ${held.length}, lost ${sheets.length - ids.size}, duplicated ${held.length - ids.size}`);
});
