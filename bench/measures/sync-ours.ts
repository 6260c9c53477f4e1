/**
 * Sync, our side: the app's sync engine in Chromium pushes the benchmark records
 * to the real server (its own process), through the byte-counting front server,
 * over the emulated slow link.
 */
import type { Browser } from 'playwright-core';
import { emulateSlowLink } from '../lib/browser';
import type { BenchRecord } from '../lib/fixtures';
import { startFrontServer } from '../lib/front-server';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../lib/server-process';
import type { SyncRunResult } from '../pages/bench-api';
import type { SyncRun } from './sync-run';

/** Our run, with the engine's own phase timings next to the wire figures. */
export interface OurSyncRun extends SyncRun {
  engine: SyncRunResult;
  /** Wall time of the whole "Sync now" (push, then the roster pull that follows it). */
  totalMs: number;
}

/** Confirms `records` in the app's store (untimed), then times one "Sync now" over the slow link. */
export async function measureOurSync(browser: Browser, pagesDir: string, serverUrl: string, records: BenchRecord[]): Promise<OurSyncRun> {
  const front = await startFrontServer(serverUrl, pagesDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${front.origin}/__bench/sync.html`);
    await page.waitForFunction(() => window.syncBench !== undefined);
    await page.evaluate(([docs, email, password]) => window.syncBench!.load(docs, email, password), [records, DEMO_EMAIL, DEMO_PASSWORD] as const);

    await emulateSlowLink(page);
    front.mark();
    const engine = await page.evaluate(() => window.syncBench!.sync());
    const bytes = front.bytesSinceMark();
    if (engine.pending !== 0 || engine.rejected + engine.conflicts > 0) {
      throw new Error(`the sync did not deliver every record: ${JSON.stringify(engine)}`);
    }
    // Push bytes and pull bytes are not told apart on the wire: both are counted, which only makes our figure larger.
    return { wallMs: engine.pushMs, totalMs: engine.totalMs, upBytes: bytes.up, downBytes: bytes.down, stored: engine.applied, engine };
  } finally {
    await context.close();
    await front.close();
  }
}
