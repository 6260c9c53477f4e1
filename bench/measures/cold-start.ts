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
import { describeError } from '../lib/errors';
import { median } from '../lib/stats';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { DEMO_EMAIL, DEMO_PASSWORD, startServerProcess } from '../lib/server-process';

const RUNS = 5;
const CPU_SLOWDOWN = 4;

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

/**
 * A first, online visit as an advisor makes it: sign in, start a batch. The
 * service worker installs its precache meanwhile. Returns the path of the batch's
 * entry form, which the cold starts open.
 */
async function installApp(profileDir: string, url: string): Promise<string> {
  const context = await launchProfile(profileDir);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${url}/batches/new`);
    await page.getByLabel('School').selectOption({ index: 1 });
    await page.getByLabel('Program year').fill('2025-26');
    await page.getByLabel('Sheets in the stack').fill('25');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/batches\/[^/]+\/new$/);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    return new URL(page.url()).pathname;
  } finally {
    await context.close();
  }
}

/** One cold start's milestones, ms from navigation start. */
interface ColdStart {
  /** The service worker answered the navigation with the cached page. */
  documentMs: number;
  /** The app's scripts had run (DOMContentLoaded waits for module scripts). */
  scriptsMs: number;
  /** The entry form focused its first field and the main thread was free. */
  typingMs: number;
}

/** One cold start: new browser process, offline, throttled. */
async function coldStart(profileDir: string, entryUrl: string): Promise<ColdStart> {
  const context = await launchProfile(profileDir, { offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(watchForTypingReady);
    await throttleCpu(page, CPU_SLOWDOWN);
    await page.goto(entryUrl);
    await page.waitForFunction(() => window.benchTypingReadyMs !== undefined, null, { timeout: 30_000 }).catch(async (error: unknown) => {
      const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      throw new Error(`the entry form never took typing (${describeError(error)}); the page showed: "${shown}"`);
    });
    const run = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { documentMs: nav?.responseEnd ?? Number.NaN, scriptsMs: nav?.domContentLoadedEventEnd ?? Number.NaN, typingMs: window.benchTypingReadyMs as number };
    });
    // The form must really take the keystroke, or the figure means nothing.
    await page.keyboard.type('Z');
    const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    if (!typed.endsWith('Z')) throw new Error('the focused entry field did not take typing');
    return run;
  } finally {
    await context.close();
  }
}

async function measureColdStart(rootDir: string): Promise<ColdStart[]> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-profile-'));
  const server = await startServerProcess(rootDir);
  try {
    const entryPath = await installApp(profileDir, server.url);
    // Offline for real: nothing answers at the app's origin any more.
    await server.stop();
    const samples: ColdStart[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await coldStart(profileDir, `${server.url}${entryPath}`));
    return samples;
  } finally {
    await server.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
}

function describe(samples: readonly ColdStart[]): string {
  const at = (pick: (s: ColdStart) => number) => median(samples.map(pick)).toFixed(0);
  return `New browser process each run, app from the service-worker cache, server stopped. Medians: page from the worker at ${at((s) => s.documentMs)} ms, `
    + `scripts run by ${at((s) => s.scriptsMs)} ms, form takes typing at ${at((s) => s.typingMs)} ms. Runs: ${samples.map((s) => s.typingMs.toFixed(0)).join(', ')} ms.`;
}

function rows(samples: ColdStart[] | null, reason: string | null): Figure[] {
  return [figure({
    label: `Cold start offline, CPU ${CPU_SLOWDOWN}x slower: entry form takes typing (median of ${RUNS})`,
    unit: 'ms', better: 'lower', ours: samples ? median(samples.map((s) => s.typingMs)) : null, goal: { on: 'ours', atMost: 1000 },
    note: reason ?? (samples ? describe(samples) : null),
  })];
}

/** Cold start figure. */
export const coldStartSection: Section = {
  id: 'cold-start',
  name: 'Cold start',
  async run(ctx) {
    ctx.requireApp();
    return rows(await measureColdStart(ctx.rootDir), null);
  },
  notMeasured: (reason) => rows(null, reason),
};
