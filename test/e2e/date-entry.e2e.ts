/**
 * Dates typed as people type them, in real Chromium against the real server
 * (design section 14): each date form keyed into a batch survives a reload,
 * and Records, the review and a backup export keep working, with the right
 * dates or a clear message. Then a malformed row written straight into
 * IndexedDB is set aside as "This record needs fixing" and nothing else breaks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline } from './harness';
import {
  exportBackup, openRecord, openTabletForFile, readSheet, reloadAndUnlock, sampleSheets, startBatch, typeSheet, type Tablet,
} from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

// Born 13 years ago: a usual age for the sample sheets' grades 6 to 8.
const year = new Date().getFullYear() - 13;
const yy = String(year).slice(2);
/** Each form of design section 14, as typed, and the date it must read as. */
const FORMS = [
  { typed: `${year}-03-15`, words: `March 15, ${year}` },
  { typed: `0316${year}`, words: `March 16, ${year}` },
  { typed: `1/5/${year}`, words: `January 5, ${year}` },
  { typed: `1/06/${year}`, words: `January 6, ${year}` },
  { typed: `03/17/${yy}`, words: `March 17, ${year}` },
];
const WRONG_YEAR = { typed: '03/15/1850', message: /The year 1850 is not between 1900 and/ };

/** Opens the review of the one batch on the tablet. */
async function openReview(): Promise<void> {
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await page.getByRole('link', { name: 'Review', exact: true }).click();
}

test('each date form typed by keyboard reads right after a reload, and Records, Review and backup all work', async () => {
  const sheets = sampleSheets(FORMS.length + 1).map((sheet, i) => ({ ...sheet, dobTyped: FORMS[i]?.typed ?? WRONG_YEAR.typed, dob: FORMS[i]?.words ?? '' }));
  await goOffline(tablet.context);
  await startBatch(page, sheets.length);
  for (const [i, sheet] of sheets.entries()) {
    await typeSheet(page, sheet);
    if (i < sheets.length - 1) await page.keyboard.press('Control+Enter');
  }
  await reloadAndUnlock(page);

  for (const sheet of sheets.slice(0, FORMS.length)) {
    await openRecord(page, sheet.lastName);
    assert.equal((await readSheet(page)).dob, sheet.dob, `${sheet.dobTyped} reads back in words`);
  }
  const wrong = sheets[FORMS.length]!;
  await openRecord(page, wrong.lastName);
  await page.getByText(WRONG_YEAR.message).first().waitFor();
  assert.equal(await page.locator('#f-dateOfBirth').inputValue(), WRONG_YEAR.typed, 'the typing is kept for the advisor to fix');

  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByText(`${sheets.length} records on this tablet`).waitFor();
  await openReview();
  await page.getByText(`${sheets.length} of ${sheets.length} entered`).first().waitFor();
  await page.getByText(WRONG_YEAR.message).first().waitFor();
  await exportBackup(page, new RegExp(`Saved ${sheets.length} unsynced records`));
});

test('a malformed row written into IndexedDB is set aside: Records, Review and backup keep working', async () => {
  // An unsealed row from an older version, with the year 30315 the native date input used to store.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mesa-intake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('applications', 'readwrite');
          const store = tx.objectStore('applications');
          const first = store.openCursor();
          first.onsuccess = () => {
            const row = { ...(first.result?.value as Record<string, unknown>) };
            delete row.sealed;
            const fields = { firstName: 'Zoë', lastName: 'Bad-Row', dateOfBirth: '30315-03-15', ssid: '', ethnicity: [] };
            store.put({ ...row, id: 'malformed-1', studentId: 'malformed-student', fields, ssidRekey: '', serverReason: null });
            tx.oncomplete = () => resolve();
          };
        };
      }),
  );
  await reloadAndUnlock(page);

  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByText('6 records on this tablet').waitFor();
  await page.getByText('This record needs fixing').waitFor();
  await page.getByRole('link', { name: 'Repair' }).click();
  await page.getByRole('heading', { name: 'This record needs fixing' }).waitFor();
  await page.getByText('30315-03-15').waitFor();

  await openReview();
  await page.getByText('6 of 6 entered').first().waitFor();
  await page.getByText('This record needs fixing').waitFor();
  await exportBackup(page, /Saved 6 unsynced records, with 1 that needs fixing as it was read/);
});

test('a birth date far from the grade’s usual age is said in words and blocks Confirm until the paper is ticked as showing it', async () => {
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await startBatch(page, 1);
  const [sheet] = sampleSheets(1, 21);
  const young = new Date().getFullYear() - 4;
  await typeSheet(page, { ...sheet!, grade: '8', dobTyped: `0315${young}` });
  await page.getByText(/^A student in grade 8 is usually 13; this date makes them \d+\. Check the paper\./).first().waitFor();
  assert.ok(await page.getByRole('button', { name: 'Confirm' }).isDisabled(), 'Confirm waits for the look at the paper');
  await page.getByLabel('The paper shows this', { exact: true }).check();
  await page.getByRole('button', { name: 'Confirm' }).and(page.locator(':enabled')).waitFor();
});
