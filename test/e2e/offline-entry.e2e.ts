/**
 * Issue 2's journey in real Chromium against the real server: first visit
 * online, then with no network at all: a batch, three sheets typed with the
 * keyboard only, a reload, every character still there, confirmation; and the
 * SSID mistakes that must block confirmation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline } from './harness';
import { expectedSheet, openAccountMenu, openRecord, openTabletForFile, readSheet, reloadAndUnlock, sampleSheets, startBatch, typeSheet, typeSheets, unlock, type Tablet } from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

test('three sheets typed offline with the keyboard survive a reload and can be confirmed', async () => {
  await goOffline(tablet.context);
  const sheets = sampleSheets(3);
  await startBatch(page, 3);
  await typeSheets(page, sheets);

  // Reload at once after the last keystroke, still offline: the service worker serves the app.
  await reloadAndUnlock(page);
  await page.locator('#f-firstName').waitFor();

  for (const sheet of sheets) {
    await openRecord(page, sheet.lastName);
    assert.deepEqual(await readSheet(page), expectedSheet(sheet));
    assert.equal(await page.locator('#f-ssidRekey').inputValue(), sheet.ssid, 'the blind re-key was kept too');
  }

  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await page.getByRole('link', { name: 'Review' }).first().click();
  await page.getByText('3 of 3 entered, 0 confirmed, 0 with problems').waitFor();
  await page.getByRole('button', { name: 'Confirm all without problems' }).click();
  await page.getByText('3 records confirmed.').waitFor();
  await page.getByText('3 of 3 entered, 3 confirmed, 0 with problems').waitFor();
});

test('a wrong CA SSID says what is wrong and blocks confirmation', async () => {
  await goOffline(tablet.context);
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await startBatch(page, 1);
  const [sheet] = sampleSheets(1, 9);
  assert.ok(sheet);
  await typeSheet(page, { ...sheet, ssid: '482193756' });
  const ssidMessage = page.locator('#f-ssid-msg');
  const confirm = page.locator('#confirm-button');

  await ssidMessage.getByText('9 digits: one is missing').waitFor();
  assert.equal(await confirm.isDisabled(), true, '9 digits cannot be confirmed');

  for (const [typed, expected] of [
    ['48219X7560', 'Contains a letter: this looks like a School Student ID'],
    ['48219375601', '11 digits: one too many'],
  ] as const) {
    await page.locator('#f-ssid').fill(typed);
    await page.locator('#f-ssidRekey').fill(typed);
    await ssidMessage.getByText(expected).waitFor();
    assert.equal(await confirm.isDisabled(), true, `${typed} cannot be confirmed`);
  }

  // The School Student ID keyed into the SSID line: a warning beside the field, and
  // confirmation waits for a deliberate second look at the paper.
  await page.locator('#f-schoolStudentId').fill('4821937577');
  await page.locator('#f-ssid').fill('4821937577');
  await page.locator('#f-ssidRekey').fill('4821937577');
  await ssidMessage.getByText('Same as the School Student ID').waitFor();
  assert.equal(await confirm.isDisabled(), true, 'not confirmed before the advisor looks again');
  await page.getByLabel('The paper shows this number').check();
  await page.waitForFunction(() => !(document.getElementById('confirm-button') as HTMLButtonElement).disabled);
  await confirm.click();
  await page.getByText('Confirmed. It will be sent when the tablet is online.').waitFor();
});

test('IndexedDB holds no first name, last name or SSID in plain text; the app locks and unlocks offline', async () => {
  await goOffline(tablet.context);
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await startBatch(page, 1);
  const [sheet] = sampleSheets(1, 11);
  assert.ok(sheet);
  await typeSheet(page, { ...sheet, firstName: 'Quetzalli' });
  await page.getByText(/^Saved/).first().waitFor();

  // Read the raw stores the way anyone holding the tablet could.
  const raw = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('mesa-intake');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const rows: Record<string, unknown[]> = {};
    for (const store of ['applications', 'outbox']) {
      rows[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    }
    db.close();
    return JSON.stringify(rows);
  });
  assert.ok(raw.includes('"sealed"'), 'rows are stored sealed');
  for (const secret of ['Quetzalli', sheet.lastName, sheet.ssid, ...sampleSheets(3).map((s) => s.ssid)]) {
    assert.equal(raw.includes(secret), false, 'pupil data is absent from the stored rows');
  }

  await (await openAccountMenu(page)).getByRole('button', { name: 'Lock now' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByText('That passphrase is not right').waitFor();
  await unlock(page);
  await openRecord(page, sheet.lastName);
  assert.equal(await page.locator('#f-firstName').inputValue(), 'Quetzalli', 'nothing was lost to the wrong passphrase');
});

test('a home language of several words is typed whole with the keyboard: the space after a listed word goes back to it', async () => {
  // The record of the test above is open. "Spanish" is a listed word, so the cursor moves on after it by itself.
  await page.locator('#f-homeLanguage').focus();
  await page.keyboard.type('Spanish and English');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#f-homeLanguage').inputValue(), 'Spanish and English');
  assert.equal(await page.locator('#f-guardianName').inputValue(), '', 'nothing spilled into the next field');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-guardianName');
});
