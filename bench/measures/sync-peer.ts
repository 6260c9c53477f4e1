/**
 * Sync, peer side: PouchDB in Chromium replicates the benchmark records to a
 * CouchDB-compatible server on loopback, through the byte-counting front server,
 * over the emulated slow link.
 */
import type { Browser } from 'playwright-core';
import { emulateSlowLink } from '../lib/browser';
import { startCouchServer } from '../lib/couch-server';
import type { BenchRecord } from '../lib/fixtures';
import { startFrontServer } from '../lib/front-server';
import type { SyncRun } from './sync-run';

const DB_NAME = 'applications';

/** Replicates `records` with PouchDB over the slow link and reports time, bytes and what arrived. */
export async function measurePouchSync(browser: Browser, pagesDir: string, records: BenchRecord[]): Promise<SyncRun> {
  const couch = await startCouchServer();
  const front = await startFrontServer(couch.url, pagesDir);
  const context = await browser.newContext();
  try {
    // The target database exists before the clock starts, as it would in production.
    const created = await fetch(`${couch.url}/${DB_NAME}`, { method: 'PUT' });
    if (!created.ok) throw new Error(`Could not create the CouchDB database: HTTP ${created.status}`);
    const page = await context.newPage();
    await page.goto(`${front.origin}/__bench/pouch.html`);
    await page.waitForFunction(() => window.pouchBench !== undefined);
    await page.evaluate((docs) => window.pouchBench!.load(docs), records);

    await emulateSlowLink(page);
    front.mark();
    const run = await page.evaluate((url) => window.pouchBench!.replicate(url), `${front.origin}/${DB_NAME}`);
    const bytes = front.bytesSinceMark();
    return { wallMs: run.wallMs, upBytes: bytes.up, downBytes: bytes.down, stored: await couch.docCount(DB_NAME) };
  } finally {
    await context.close();
    await front.close();
    await couch.close();
  }
}
