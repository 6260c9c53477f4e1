/**
 * Issue 11, item 9 in real Chromium against the real server: the app lock
 * holds across tabs (the button and the idle lock), and a sign-out made with no
 * network revokes the token on the server once the tablet is back online.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { goOffline, goOnline, waitUntil } from './harness';
import { openAccountMenu, openTablet, reloadAndUnlock, startBatch, unlock, type Tablet } from './journeys';

let tablet: Tablet;
let first: Page;
let second: Page;

before(async () => {
  tablet = await openTablet();
  first = tablet.page;
  second = await tablet.context.newPage();
  await second.goto('/');
  await unlock(second);
});

after(async () => {
  await tablet?.close();
});

const unlockHeading = (page: Page) => page.getByRole('heading', { name: 'Unlock' });

/** What the server answers GET /api/session with this token: 200 while it is valid, 401 once revoked. */
async function sessionStatus(token: string): Promise<number> {
  const res = await fetch(`${tablet.server.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  return res.status;
}

/** A meta row of the tablet's own IndexedDB, read in the page. */
function readMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (metaKey) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('mesa-intake');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const get = request.result.transaction('meta').objectStore('meta').get(metaKey);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            request.result.close();
            resolve((get.result as { value?: unknown } | undefined)?.value ?? null);
          };
        };
      }),
    key,
  );
}

test('"Lock now" in one tab locks the other, whose half-typed sheet is kept', async () => {
  await startBatch(second, 1);
  await second.keyboard.type('Itzel');
  // Locked at once, inside the autosave's delay: the other tab stores the typing before it drops its key.
  await (await openAccountMenu(first)).getByRole('button', { name: 'Lock now' }).click();
  await unlockHeading(first).waitFor();
  await unlockHeading(second).waitFor();
  assert.equal(await second.locator('#f-firstName').count(), 0, 'no record stays on screen in the other tab');

  await unlock(second);
  await second.locator('#f-firstName').waitFor();
  assert.equal(await second.locator('#f-firstName').inputValue(), 'Itzel');
  await unlock(first);
});

test('typing journaled at unload is sealed in sessionStorage, and the typing is there after a reload and unlock', async () => {
  // In one task, as at a real unload: a keystroke, then pagehide before the autosave's delay is over.
  const journal = await second.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#f-middleName');
    if (!input) throw new Error('no middle name field');
    input.value = 'Journalina';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return JSON.stringify(Object.entries(sessionStorage));
  });
  assert.match(journal, /mesa-intake:unsaved-draft:/, 'the pending typing was journaled');
  for (const secret of ['Journalina', 'Itzel']) assert.ok(!journal.includes(secret), `${secret} is not in sessionStorage`);

  await second.reload();
  await unlock(second);
  await second.locator('#f-middleName').waitFor();
  assert.equal(await second.locator('#f-middleName').inputValue(), 'Journalina');
  assert.equal(await second.locator('#f-firstName').inputValue(), 'Itzel');
});

test('the idle lock of one tab locks the other tab too', async () => {
  // A fake clock in both tabs (the tabs reloaded into it), so the minute of no use passes without waiting it.
  await tablet.context.clock.install();
  await reloadAndUnlock(first);
  await reloadAndUnlock(second);
  await (await openAccountMenu(first)).getByRole('link', { name: 'Backup' }).click();
  await first.getByLabel(/Lock after this many minutes/).fill('1');
  await first.getByRole('button', { name: 'Save lock time' }).click();
  await first.getByText('The app now locks after 1 minute of no use.').waitFor();
  // The second tab keeps its own 10-minute delay; only the first tab's idle lock can lock it in time.
  await tablet.context.clock.fastForward('01:30');
  await unlockHeading(first).waitFor({ timeout: 30_000 });
  await unlockHeading(second).waitFor({ timeout: 5_000 });
  await unlock(first);
  await unlock(second);
});

test('signing out with no network revokes the token on the server at the next connection', async () => {
  const session = (await readMeta(first, 'session')) as { token: string };
  assert.equal(await sessionStatus(session.token), 200);

  await goOffline(tablet.context);
  // Offline, sign-out asks first (see layout.e2e.ts); the advisor goes ahead.
  await (await openAccountMenu(first)).getByRole('button', { name: 'Sign out' }).click();
  await first.getByRole('button', { name: 'Sign out anyway' }).click();
  await first.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await sessionStatus(session.token), 200, 'offline, the server has not heard of the sign-out yet');
  assert.deepEqual(await readMeta(first, 'revocations'), [session.token]);

  await goOnline(tablet.context);
  await waitUntil(async () => (await sessionStatus(session.token)) === 401, 'the token was revoked soon after coming back online');
  await waitUntil(async () => (await readMeta(first, 'revocations')) === null, 'the tablet forgot the revoked token');
});
