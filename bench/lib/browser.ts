/** Headless Chromium for the benchmarks, and the DevTools Protocol knobs they turn. */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { DEMO_EMAIL, DEMO_PASSWORD } from './server-process';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The machine's Chromium: CHROMIUM_PATH overrides /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches the machine's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

/** The slow link of the sync benchmark (issue 6): 150 ms latency, 750 kbit/s up, 1.6 Mbit/s down. */
export const SLOW_LINK = { latencyMs: 150, uploadKbit: 750, downloadKbit: 1600 } as const;

/** Applies `SLOW_LINK` to one page through CDP Network.emulateNetworkConditions. */
export async function emulateSlowLink(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_LINK.latencyMs,
    // CDP wants bytes per second.
    uploadThroughput: (SLOW_LINK.uploadKbit * 1000) / 8,
    downloadThroughput: (SLOW_LINK.downloadKbit * 1000) / 8,
  });
  return cdp;
}

/** What the page shows, in one short line: said when a step fails, so the note tells what went wrong. */
export async function visibleText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText().catch(() => '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 240);
}

/** Slows the page's main thread down `rate` times (CDP Emulation.setCPUThrottlingRate). */
export async function throttleCpu(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/**
 * The shortest possible time to move `upBytes` up and `downBytes` down the slow
 * link: the bytes at the link's rates plus one round trip.
 */
export function linkFloorMs(upBytes: number, downBytes: number): number {
  const upMs = (upBytes * 8) / SLOW_LINK.uploadKbit;
  const downMs = (downBytes * 8) / SLOW_LINK.downloadKbit;
  return upMs + downMs + SLOW_LINK.latencyMs;
}

/**
 * A browser with a profile on disk, so a later launch finds the service worker
 * and its cache where a tablet would: the way to measure a true cold start.
 */
export function launchProfile(userDataDir: string, options: { offline?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: FLAGS,
    offline: options.offline ?? false,
    serviceWorkers: 'allow',
  });
}

/** The passphrase the benchmarks set on the tablet and unlock it with. */
export const BENCH_PASSPHRASE = 'bench tablet passphrase 2025';

/**
 * Sign in, set the passphrase, start a batch, through the UI; returns the path of
 * the batch's entry form once the service worker is ready, unless `workerBlocked`
 * says the context runs without one.
 */
export async function walkFirstVisit(page: Page, url: string, { workerBlocked = false } = {}): Promise<string> {
  await page.goto(url);
  const setup = page.getByLabel('Repeat passphrase');
  const signIn = page.getByLabel('Email');
  const signedIn = page.getByRole('button', { name: /^Account: / });
  // The app asks for sign-in and a passphrase in the order it chooses; answer whichever comes.
  for (let step = 0; step < 3; step++) {
    await setup.or(signIn).or(signedIn).first().waitFor();
    if (await setup.isVisible()) {
      await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
      await setup.fill(BENCH_PASSPHRASE);
      await page.getByRole('button', { name: 'Save passphrase' }).click();
      await setup.waitFor({ state: 'detached' });
    } else if (await signIn.isVisible()) {
      await signIn.fill(DEMO_EMAIL);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signIn.waitFor({ state: 'detached' });
    } else {
      break;
    }
  }
  // In-app navigation: a reload would lock the app again (the key lives in memory only).
  await page.getByRole('link', { name: 'New batch' }).or(page.getByRole('button', { name: 'New batch' })).first().click();
  await page.getByLabel('School').selectOption({ index: 1 }, { timeout: 20_000 });
  await page.getByLabel('Program year').fill('2025-26');
  await page.getByLabel('Sheets in the stack').fill('25');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForURL(/\/batches\/[^/]+\/new$/);
  if (!workerBlocked) await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return new URL(page.url()).pathname;
}
