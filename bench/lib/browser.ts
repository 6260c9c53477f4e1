/** Headless Chromium for the benchmarks, and the DevTools Protocol knobs they turn. */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches the machine's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
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
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: FLAGS,
    offline: options.offline ?? false,
    serviceWorkers: 'allow',
  });
}
