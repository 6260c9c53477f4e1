/**
 * A first visit in real Chromium against the real server: every script, style
 * and page arrives compressed, no source map is linked or served, and loading
 * and signing in log no Content Security Policy violation (zod never probes eval).
 * The page draws the sign-in form itself, before any script; a tablet the
 * service worker serves gets the page without it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PRECOMPRESS_MIN_BYTES } from '../../scripts/precompress';
import { DEMO_EMAIL, DEMO_PASSWORD, launchBrowser, startServer, tabletContext, waitForOfflineReady, type RunningServer } from './harness';
import { signIn, TABLET_PASSPHRASE } from './journeys';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await tabletContext(browser, server.url);
});

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Whether the built file behind a path is one the build leaves uncompressed for its size. */
function tooSmallToCompress(pathname: string): boolean {
  if (!pathname.startsWith('/assets/')) return false;
  return statSync(path.join(DIST, pathname)).size < PRECOMPRESS_MIN_BYTES;
}

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

test('a first visit downloads every text file compressed, logs no CSP violation, and no source map is reachable', async () => {
  const page = await context.newPage();
  // Registered before any of the app's scripts run; the init script is not subject to the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  const uncompressed: string[] = [];
  const scripts: string[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'document' && type !== 'script' && type !== 'stylesheet') return;
    if (type === 'script') scripts.push(new URL(response.url()).pathname);
    // A file under PRECOMPRESS_MIN_BYTES goes out plain on purpose: the headers would cost more than compression saves.
    if (response.headers()['content-encoding'] !== 'br' && !tooSmallToCompress(new URL(response.url()).pathname)) {
      uncompressed.push(`${type} ${response.url()} ${response.headers()['content-encoding'] ?? 'plain'}`);
    }
  });

  await page.goto('/');
  await signIn(page);

  assert.deepEqual(uncompressed, [], 'every page, script and stylesheet came as brotli');
  assert.ok(scripts.length > 0, 'the app loaded scripts');
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleErrors.filter((text) => /content security policy|unsafe-eval/i.test(text)), []);

  const mapAnswer = await page.request.get(`${scripts[0]}.map`);
  assert.equal(mapAnswer.status(), 404);
  const script = await page.request.get(scripts[0]!);
  assert.doesNotMatch(await script.text(), /sourceMappingURL/);
});

/** A quoted path to a file of the build, as pages, chunks (imports, preload lists) and the service worker's precache name them. */
const NAMED_FILE = /["'`]((?:\.\.?\/|\/)?[\w./-]+\.(?:js|css|html|webmanifest|png|svg|ico))["'`]/g;

test('every file the built pages, chunks and service worker name is in the build', () => {
  // A build step once dropped the entry stylesheet, which lazy chunks name among their
  // preloads: their import failed, and the first set-up on an empty server never opened.
  const missing: string[] = [];
  let named = 0;
  for (const file of readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:js|html)$/.test(name))) {
    for (const [, name = ''] of readFileSync(path.join(DIST, file), 'utf8').matchAll(NAMED_FILE)) {
      // "/assets/x" and a preload list's "assets/x" start at the site's root; "./x" at the naming file.
      const target = name.startsWith('/') || name.startsWith('assets/') ? path.join(DIST, name) : path.join(DIST, path.dirname(file), name);
      named += 1;
      if (!existsSync(target)) missing.push(`${file} names ${name}`);
    }
  }
  assert.ok(named > 0, 'the build names its files');
  assert.deepEqual(missing, []);
});

test('on a first visit the sign-in form is laid out with its own styles: each label above its field, at both tablet sizes', async () => {
  // The other screens' styles load with the unlocked app, after sign-in: the
  // sign-in form once had its layout there and came up as one unstyled line.
  const fresh = await tabletContext(browser, server.url);
  const page = await fresh.newPage();
  await page.goto('/');
  await page.getByLabel('Email').waitFor();
  for (const [width, height] of [[768, 1024], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    const misplaced = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLabelElement>('.sign-in label[for]')]
        .filter((label) => label.getBoundingClientRect().bottom > document.getElementById(label.htmlFor)!.getBoundingClientRect().top)
        .map((label) => label.textContent),
    );
    assert.deepEqual(misplaced, [], `${width}x${height}: labels not above their fields`);
  }
  await fresh.close();
});

test('the sign-in form is drawn by the page itself: typed into before the app runs, it signs in with what was typed', async () => {
  const fresh = await tabletContext(browser, server.url);
  const page = await fresh.newPage();
  // Holds the app's scripts back, as a slow link would, until the form has been typed into.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await released;
    await route.continue();
  });
  // Not even DOMContentLoaded: it waits for the module scripts held back here.
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByLabel('Password').focus();
  // The first chunk asks whether the server needs its first set-up once it has drawn its form.
  const drawn = page.waitForResponse('**/api/setup');
  release();
  await drawn;
  assert.equal(await page.getByLabel('Email').inputValue(), DEMO_EMAIL);
  assert.equal(await page.getByLabel('Password').inputValue(), DEMO_PASSWORD);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Set a passphrase' }).waitFor();
  await fresh.close();
});

/** A tablet signed in, with its service worker ready to serve the app offline. */
async function signedInTablet(): Promise<{ tablet: BrowserContext; page: Page }> {
  const tablet = await tabletContext(browser, server.url);
  const page = await tablet.newPage();
  await page.goto('/');
  await signIn(page);
  await waitForOfflineReady(page);
  return { tablet, page };
}

test('a tablet served by the service worker never shows the sign-in markup: a locked one opens on the unlock screen', async () => {
  const { tablet, page } = await signedInTablet();
  // Watches every node the page ever holds, from before its own parsing starts.
  await page.addInitScript(() => {
    const seen = { signInForm: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      if (document.getElementById('sign-in-email')) seen.signInForm = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Unlock' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { seen: unknown }).seen), { signInForm: false });
  await tablet.close();
});

test('a locked tablet\'s unlock screen is drawn by the service worker\'s page: typed into before the app runs, it unlocks with what was typed', async () => {
  const { tablet, page } = await signedInTablet();
  // Types the passphrase the moment the field appears: as the page is parsed, before the app's deferred scripts run.
  await page.addInitScript((passphrase) => {
    const observer = new MutationObserver(() => {
      const field = document.querySelector<HTMLInputElement>('#vault-passphrase');
      if (!field) return;
      observer.disconnect();
      field.value = passphrase;
      field.focus();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, TABLET_PASSPHRASE);
  // Listened for before the reload: on a slow machine the chunk can answer before the reload's load event.
  const appChunk = page.waitForResponse((response) => /\/assets\/startApp-[^/]+\.js$/.test(response.url()));
  const served = await page.reload();
  assert.ok(served?.fromServiceWorker(), 'the page came from the service worker');
  assert.match((await served?.text()) ?? '', /<input id="vault-passphrase"/);
  // The first chunk's render of the screen (it fetches the rest of the app after its first paint) keeps the field, its value and the focus.
  await appChunk;
  assert.equal(await page.getByLabel('Passphrase').inputValue(), TABLET_PASSPHRASE);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'vault-passphrase');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Batches' }).waitFor();
  await tablet.close();
});
