/**
 * Steps of the advisor's journeys, written once and shared by the end-to-end
 * tests: sign in, start a batch, type a sheet with the keyboard only.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import {
  DEMO_EMAIL, DEMO_PASSWORD, launchBrowser, startServer, tabletContext, waitForOfflineReady, type RunningServer,
} from './harness';

/** One paper sheet, as the advisor reads it. */
export interface Sheet {
  firstName: string;
  middleName: string;
  lastName: string;
  /** As typed into the date field from the paper: MMDDYYYY. */
  dobTyped: string;
  /** The same date as the field says it back in words. */
  dob: string;
  grade: string;
  ssid: string;
  schoolStudentId: string;
  email: string;
}

/** The passphrase the advisor chooses for the tablet's vault in every journey. */
export const TABLET_PASSPHRASE = 'river stone maple lantern';

/** The passphrase the advisor protects backup files with in every journey. */
export const FILE_PASSPHRASE = 'harbor willow copper kite';

/**
 * Signs in as the demo advisor, then sets the tablet's passphrase (first visit)
 * or unlocks with it, and waits for the batches screen.
 */
export async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await setOrUnlockPassphrase(page);
}

/** After a sign-in: sets the tablet's passphrase (first visit) or unlocks with it, and waits for the batches screen. */
export async function setOrUnlockPassphrase(page: Page): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Set a passphrase' });
  const locked = page.getByRole('heading', { name: 'Unlock' });
  await setup.or(locked).waitFor();
  if (await setup.isVisible()) {
    await page.getByLabel('Passphrase', { exact: true }).fill(TABLET_PASSPHRASE);
    await page.getByLabel('Repeat passphrase').fill(TABLET_PASSPHRASE);
    await page.getByRole('button', { name: 'Save passphrase' }).click();
  } else {
    await unlock(page);
  }
  await page.getByRole('heading', { name: 'Batches' }).waitFor();
}

/** Unlocks the app (after a reload or the idle lock) and waits for the unlock screen to go. */
export async function unlock(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Unlock' }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(TABLET_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Unlock' }).waitFor({ state: 'detached' });
}

/** Reloads the page; the app starts locked, so unlock it again. */
export async function reloadAndUnlock(page: Page): Promise<void> {
  await page.reload();
  await unlock(page);
}

/**
 * Creates a batch of `sheets` sheets at the first school and lands on its first
 * blank form; `verify` turns the batch's Verify switch on (the demo center's
 * default leaves it off).
 */
export async function startBatch(page: Page, sheets: number, options: { verify?: boolean } = {}): Promise<void> {
  await page.getByRole('link', { name: 'New batch' }).click();
  await page.getByRole('heading', { name: 'New batch' }).waitFor();
  const school = page.getByLabel('School');
  const firstSchool = await school.locator('option').nth(1).getAttribute('value');
  assert.ok(firstSchool, 'the schools pulled from the server are offered');
  await school.selectOption(firstSchool);
  await page.getByLabel('Sheets in the stack').fill(String(sheets));
  if (options.verify) await page.getByRole('checkbox', { name: /Verify: a second person/ }).check();
  await page.getByRole('button', { name: 'Start typing' }).click();
  await page.getByRole('heading', { name: /^Sheet 1 of/ }).waitFor();
}

/**
 * Types one sheet with the keyboard alone: the form focuses the first field,
 * Enter moves to the next unless the field moved on by itself, and the SSID is
 * keyed twice (blind re-key).
 */
export async function typeSheet(page: Page, sheet: Sheet): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === 'f-firstName');
  const steps: string[] = [
    sheet.firstName, sheet.middleName, sheet.lastName, sheet.dobTyped,
    '', // Gender: left blank
    sheet.grade,
    // Enter passes over the School (the batch's) and where the SSID came from (the paper, by default).
    sheet.ssid, sheet.ssid,
    sheet.schoolStudentId, sheet.email,
  ];
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (const text of steps) {
    const before = await focused();
    if (text !== '') await page.keyboard.type(text);
    // A full SSID, date or ZIP, or an option chosen by its key, has already moved on by itself.
    if ((await focused()) === before) await page.keyboard.press('Enter');
  }
}

/** Types a stack of sheets into the batch's form, Ctrl+Enter on to each next sheet. */
export async function typeSheets(page: Page, sheets: readonly Sheet[]): Promise<void> {
  for (const [i, sheet] of sheets.entries()) {
    await typeSheet(page, sheet);
    if (i < sheets.length - 1) {
      await page.keyboard.press('Control+Enter');
      await page.getByRole('heading', { name: `Sheet ${i + 2} of ${sheets.length}` }).waitFor();
    }
  }
}

/** From a batch's form: opens its review, confirms every record without problems, and waits for how many were confirmed. */
export async function confirmBatch(page: Page, count: number): Promise<void> {
  await page.getByRole('link', { name: 'Review batch' }).click();
  await page.getByRole('button', { name: 'Confirm all without problems' }).click();
  await page.getByText(`${count} record${count === 1 ? '' : 's'} confirmed.`).waitFor();
}

/** Presses "Sync now" and waits until that sync is over: its "Last sync" line shown and the button enabled again. */
export async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sync now' });
  // The previous sync's "Last sync" line and an enabled button look exactly
  // like this sync's end, so first see this sync start: the button is
  // disabled for as long as a sync runs, at least one network round trip.
  // Only after the click: a sync already running when we came counts not.
  const started = await button.evaluateHandle((element) => {
    const seen = { clicked: false, disabled: false };
    element.addEventListener('click', () => { seen.clicked = true; }, { once: true });
    new MutationObserver(() => {
      seen.disabled ||= seen.clicked && (element as HTMLButtonElement).disabled;
    }).observe(element, { attributes: true, attributeFilter: ['disabled'] });
    return seen;
  });
  await button.click();
  await page.waitForFunction((seen) => seen.disabled, started);
  await page.getByText(/Last sync .*: /).waitFor();
  await button.and(page.locator(':enabled')).waitFor();
}

/** From Verify once its `count` sheets are verified: back to the batch, confirms them all, syncs, and waits until everything is synced. */
export async function confirmVerifiedAndSync(page: Page, count: number): Promise<void> {
  await page.getByRole('link', { name: 'Back to the batch' }).click();
  await page.getByRole('button', { name: 'Confirm all without problems' }).click();
  await page.getByText(`${count} record${count === 1 ? '' : 's'} confirmed.`).waitFor();
  await syncNow(page);
  await page.getByText('Everything is synced').waitFor();
}

/** Exports the unsynced records from the Backup screen with FILE_PASSPHRASE, waits for the `saved` report and returns the download. */
export async function exportBackup(page: Page, saved: string | RegExp): Promise<Download> {
  await (await openAccountMenu(page)).getByRole('link', { name: 'Backup', exact: true }).click();
  await page.getByLabel('Passphrase for the file').fill(FILE_PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export unsynced records' }).click();
  const download = await downloading;
  await page.getByText(saved).waitFor();
  return download;
}

/** Reads back the fields of the record open on screen. */
export async function readSheet(page: Page): Promise<Record<string, string>> {
  const value = (id: string) => page.locator(`#f-${id}`).inputValue();
  return {
    firstName: await value('firstName'),
    middleName: await value('middleName'),
    lastName: await value('lastName'),
    dob: (await page.locator('#f-dateOfBirth-words').textContent()) ?? '',
    grade: await value('grade'),
    ssid: await value('ssid'),
    schoolStudentId: await value('schoolStudentId'),
    email: await value('email'),
  };
}

/** What the sheet should read back as. */
export function expectedSheet(sheet: Sheet): Record<string, string> {
  return {
    firstName: sheet.firstName, middleName: sheet.middleName, lastName: sheet.lastName, dob: sheet.dob,
    grade: sheet.grade, ssid: sheet.ssid, schoolStudentId: sheet.schoolStudentId, email: sheet.email,
  };
}

/** Opens the records screen and the one record whose last name is given. */
export async function openRecord(page: Page, lastName: string): Promise<void> {
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByLabel('Search by name, CA SSID or school').fill(lastName);
  await page.getByRole('link', { name: new RegExp(lastName) }).first().click();
  await page.locator('#f-firstName').waitFor();
}

/** On Verify, the second keying of one sheet from the paper (`ssid` as the keyer reads it), keyboard only; the first entry's SSID nowhere in the page. */
export async function keySecond(page: Page, sheet: Sheet, ssid: string, schoolStudentId?: string): Promise<void> {
  await page.waitForFunction(() => /^(second|paper)-ssid$/.test(document.activeElement?.id ?? ''));
  assert.ok(!(await page.content()).includes(sheet.ssid), 'the first entry’s SSID is not in the page');
  await page.keyboard.type(ssid);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.firstName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.lastName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sheet.dobTyped);
  // A center that verifies the School Student ID too: it follows the four.
  if (schoolStudentId !== undefined) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(schoolStudentId);
  }
  await page.keyboard.press('Enter');
}

/** The SSID with its two last digits swapped: a slip in copying the number. */
export function misread(ssid: string): string {
  return `${ssid.slice(0, -2)}${ssid.at(-1)!}${ssid.at(-2)!}`;
}

/** Sample sheets: realistic names with accents, apostrophes and hyphens. */
export function sampleSheets(count: number, seed = 0): Sheet[] {
  const people = [
    ['Ana', 'Lucía', 'García-López'], ['Marcus', 'J', 'O’Neil'], ['Thuy', '', 'Nguyen'], ['Kalani', 'Rae', 'Akana'],
    ['Diego', '', 'Ramírez'], ['Priya', 'S', 'Raman'], ['Jamal', 'T', 'Brooks'], ['Sofia', '', 'De la Cruz'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [firstName, middleName, lastName] = people[(i + seed) % people.length]!;
    const day = 10 + i;
    // Born 13 years ago: a usual age for grades 6 to 8 whatever year the test runs.
    const year = new Date().getFullYear() - 13;
    return {
      firstName: firstName!, middleName: middleName!, lastName: `${lastName!}${seed > 0 ? `-${seed}` : ''}`,
      dobTyped: `03${day}${year}`, dob: `March ${day}, ${year}`, grade: String(6 + (i % 3)),
      ssid: String(4_821_937_560 + i * 7919 + seed * 104_729), schoolStudentId: `S${1000 + i}`,
      email: `student${i}@example.org`,
    };
  });
}

/** A tablet that signed in once online and set its passphrase; the service worker serves the app from now on. */
export interface Tablet {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * One tablet for a whole test file: opened before its first test (handed to
 * `use`, which keeps what the tests need) and closed after its last.
 */
export function openTabletForFile(use: (tablet: Tablet) => void): void {
  let tablet: Tablet | undefined;
  before(async () => {
    tablet = await openTablet();
    use(tablet);
  });
  after(async () => {
    await tablet?.close();
  });
}

/** Starts the real server and brings a fresh tablet to the batches screen, ready to go offline. */
export async function openTablet(): Promise<Tablet> {
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await tabletContext(browser, server.url);
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page);
  await waitForOfflineReady(page);
  await unlock(page);
  // The sync that unlocking starts pulls the center's schools; a journey that goes
  // offline before it ends has no school to start a batch with.
  await page.getByText(/Last sync .*: /).waitFor();
  return {
    server, browser, context, page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Opens the account menu in the header (Backup, Lock now, Sign out) and returns its panel. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: /^Account: / });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await panel.waitFor();
  return panel;
}

/** Opens each sheet's student from the Students screen and waits for Record information to show its SSID and who keyed it (`keying`). */
export async function expectRecordKeying(page: Page, sheets: readonly Sheet[], keying: string): Promise<void> {
  for (const sheet of sheets) {
    await page.getByRole('link', { name: 'Students', exact: true }).click();
    // By first name: the roster's search does not find the samples' numbered last names ("Nguyen-10").
    await page.getByLabel('Search by name, school, grade or CA SSID').fill(sheet.firstName);
    await page.getByRole('row', { name: new RegExp(sheet.lastName) }).getByRole('link').click();
    await page.getByRole('link', { name: '2. Record information' }).click();
    await page.getByTestId('record-ssid').getByText(sheet.ssid, { exact: true }).waitFor();
    await page.getByTestId('record-ssid-keying').getByText(keying, { exact: true }).waitFor();
  }
}
