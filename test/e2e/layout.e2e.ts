/**
 * Issue 9, point 8, in real Chromium: on a tablet in portrait (768x1024) and
 * landscape (1024x768) the header is one row on every main screen, the
 * account menu works by keyboard and touch, and every input and button is at
 * least 44 px tall. Prints the header heights it measured.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline, goOnline } from './harness';
import { openTabletForFile, openAccountMenu, sampleSheets, startBatch, typeSheet, type Tablet } from './journeys';

let tablet: Tablet;
let page: Page;

openTabletForFile((opened) => {
  tablet = opened;
  ({ page } = opened);
});

const SIZES = [[768, 1024], [1024, 768]] as const;

/** The header's height, whether every one of its visible parts sits on the brand's row, and whether it fits the width. */
function measureHeader(target: Page): Promise<{ height: number; oneRow: boolean; fits: boolean }> {
  return target.evaluate(() => {
    const header = document.querySelector('.topbar');
    if (!header) throw new Error('no header');
    const brand = header.querySelector('.brand')!.getBoundingClientRect();
    const parts = [...header.children].map((child) => child.getBoundingClientRect()).filter((rect) => rect.height > 0);
    return {
      height: Math.round(header.getBoundingClientRect().height),
      oneRow: parts.every((rect) => rect.top < brand.bottom && rect.bottom > brand.top),
      fits: header.scrollWidth <= header.clientWidth,
    };
  });
}

/** Visible inputs, selects and buttons shorter than a 44 px touch target (a checkbox's target is its 44 px label). */
export function smallTargets(target: Page): Promise<string[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button, a.button')]
      .filter((el) => !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio' || el.type === 'hidden')))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0 && rect.height < 44)
      .map(({ el, rect }) => `${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim() || el.getAttribute('aria-label') || '?'} ${Math.round(rect.height)}px`),
  );
}

test('the header is one row, and inputs and buttons are 44 px, at both tablet sizes on every main screen', async () => {
  await startBatch(page, 3);
  const [sheet] = sampleSheets(1, 5);
  await typeSheet(page, sheet!);
  const screens: [string, () => Promise<void>][] = [
    ['entry', async () => {}],
    ['review', () => page.getByRole('link', { name: 'Review batch' }).click()],
    ['records', () => page.getByRole('link', { name: 'Records', exact: true }).click()],
    ['students', () => page.getByRole('link', { name: 'Students', exact: true }).click()],
    ['batches', () => page.getByRole('link', { name: 'Batches', exact: true }).click()],
    ['backup', async () => (await openAccountMenu(page)).getByRole('link', { name: 'Backup' }).click()],
  ];
  for (const [name, open] of screens) {
    await open();
    await page.locator('main h1').waitFor();
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      const header = await measureHeader(page);
      console.log(`header on ${name} at ${width}x${height}: ${header.height} px`);
      assert.ok(header.oneRow, `${name} at ${width}x${height}: the header is one row`);
      assert.ok(header.fits, `${name} at ${width}x${height}: nothing in the header is cut off at the right`);
      assert.ok(header.height <= 64, `${name} at ${width}x${height}: the header is ${header.height} px tall`);
      assert.deepEqual(await smallTargets(page), [], `${name} at ${width}x${height}: targets under 44 px`);
    }
  }
});

test('the account menu opens by touch and by keyboard, Escape closes it and gives focus back', async () => {
  const button = page.getByRole('button', { name: /^Account/ });
  await button.tap();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('button', { name: 'Lock now' }).count(), 0);
  assert.ok(await button.evaluate((el) => el === document.activeElement), 'focus is back on the menu button');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.ok(await page.getByRole('link', { name: 'Backup' }).evaluate((el) => el === document.activeElement), 'Tab goes into the open menu');
});

test('signing out offline with records waiting asks first, says how many, and can be cancelled', async () => {
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Batches', exact: true }).click();
  await page.getByRole('link', { name: /^Review/ }).first().click();
  await page.getByRole('button', { name: 'Confirm all without problems' }).click();
  await goOffline(tablet.context);
  await page.getByText('1 waiting to sync').waitFor();

  const menu = await openAccountMenu(page);
  await menu.getByRole('button', { name: 'Sign out' }).click();
  await menu.getByText('1 record is waiting to sync. It stays on this tablet and is sent after the next sign-in.').waitFor();
  await menu.getByText(/^You are offline/).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Stay signed in' }).evaluate((el) => el === document.activeElement), 'the safe choice has focus');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0, 'cancel keeps the advisor signed in');
  await page.getByText('1 waiting to sync').waitFor();
  await goOnline(tablet.context);
});
