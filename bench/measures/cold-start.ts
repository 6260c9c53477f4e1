/**
 * Cold start: a browser launched from scratch, offline, CPU throttled 4x, opens
 * the entry form of a batch from the service-worker cache. Measured from the
 * navigation's start until the form has focused its first field and the main
 * thread is free to take the keystroke.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchProfile, throttleCpu } from '../lib/browser';
import { median } from '../lib/stats';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';

const RUNS = 5;
const CPU_SLOWDOWN = 4;
const BATCH_ID = '01990b28-1400-7000-8000-00000000be9c';

declare global {
  interface Window {
    /** Set by the bench's init script: ms from navigation start until the entry form took typing. */
    benchTypingReadyMs?: number;
  }
}

/** Installed before the app's scripts: notes when focus lands on an entry field, then waits for the task to end. */
function watchForTypingReady(): void {
  document.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement | null;
    if (window.benchTypingReadyMs !== undefined || !target?.matches('[data-entry-field]:not([disabled])')) return;
    // A keystroke is handled once the task that focused the field is over.
    setTimeout(() => {
      window.benchTypingReadyMs ??= performance.now();
    }, 0);
  }, true);
}

/** A first, online visit: the service worker installs its precache, and a batch exists to type into. */
async function installApp(profileDir: string, url: string): Promise<void> {
  const context = await launchProfile(profileDir);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.evaluate(async (batchId) => {
      // Written as the app writes a batch (src/app/db/batches.ts), straight into its database.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('mesa-intake');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('batches', 'readwrite');
        tx.objectStore('batches').put({ id: batchId, schoolId: '', programYear: '2025-26', sheetCount: 25, defaults: {}, createdAt: Date.now() });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, BATCH_ID);
  } finally {
    await context.close();
  }
}

/** One cold start: new browser process, offline, throttled; returns ms until typing is taken. */
async function coldStart(profileDir: string, url: string): Promise<number> {
  const context = await launchProfile(profileDir, { offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(watchForTypingReady);
    await throttleCpu(page, CPU_SLOWDOWN);
    await page.goto(`${url}/batches/${BATCH_ID}/new`);
    await page.waitForFunction(() => window.benchTypingReadyMs !== undefined, null, { timeout: 30_000 });
    const readyMs = await page.evaluate(() => window.benchTypingReadyMs as number);
    // The form must really take the keystroke, or the figure means nothing.
    await page.keyboard.type('Z');
    const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    if (!typed.endsWith('Z')) throw new Error('the focused entry field did not take typing');
    return readyMs;
  } finally {
    await context.close();
  }
}

async function measureColdStart(rootDir: string): Promise<number[]> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-profile-'));
  const server = await startServerProcess(rootDir);
  try {
    await installApp(profileDir, server.url);
    // Offline for real: nothing answers at the app's origin any more.
    await server.stop();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await coldStart(profileDir, server.url));
    return samples;
  } finally {
    await server.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
}

function rows(samples: number[] | null, reason: string | null): Figure[] {
  return [figure({
    label: `Cold start offline, CPU ${CPU_SLOWDOWN}x slower: entry form takes typing (median of ${RUNS})`,
    unit: 'ms', better: 'lower', ours: samples ? median(samples) : null, goal: { on: 'ours', atMost: 1000 },
    note: reason ?? (samples ? `New browser process each run, app from the service-worker cache, server stopped. Runs: ${samples.map((s) => s.toFixed(0)).join(', ')} ms.` : null),
  })];
}

/** Cold start figure. */
export const coldStartSection: Section = {
  id: 'cold-start',
  name: 'Cold start',
  run: async (ctx) => rows(await measureColdStart(ctx.rootDir), null),
  notMeasured: (reason) => rows(null, reason),
};
