/**
 * Cold start: a browser launched from scratch, offline, CPU throttled 4x, opens
 * the entry form of a batch from the service-worker cache. The app starts
 * locked (records are encrypted at rest), so the way to the form is: the unlock
 * screen takes the passphrase, the key is derived, the form focuses its first
 * field. The figure is the machine's share of that way: navigation start until
 * the passphrase field takes typing, plus submitting the passphrase until the
 * entry form takes typing. The advisor's own typing is not counted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BENCH_PASSPHRASE, launchProfile, throttleCpu, visibleText, walkFirstVisit } from '../lib/browser';
import { describeError } from '../lib/errors';
import { median } from '../lib/stats';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';
import { DEFAULT_ITERATIONS } from '../../src/app/crypto/keys';

const RUNS = 5;
const CPU_SLOWDOWN = 4;

/** Milestones the init script notes, ms from navigation start. */
interface Milestones {
  unlockReady?: number;
  unlockSubmitted?: number;
  entryReady?: number;
}

declare global {
  interface Window {
    benchMilestones?: Milestones;
  }
}

/**
 * Installed before the app's scripts. A field "takes typing" once it is in the
 * page, enabled, and the task that rendered it is over (a keystroke would be
 * handled next): the unlock field when it appears, the entry form's first field
 * when the form focuses it. No named inner functions: the page gets this
 * function's source, without the helpers tsx wraps named functions in.
 */
function watchMilestones(): void {
  const marks: Milestones = {};
  window.benchMilestones = marks;
  new MutationObserver(() => {
    const field = document.querySelector<HTMLInputElement>('#vault-passphrase');
    if (marks.unlockReady !== undefined || !field || field.disabled) return;
    setTimeout(() => {
      marks.unlockReady ??= performance.now();
    }, 0);
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('submit', () => {
    marks.unlockSubmitted ??= performance.now();
  }, true);
  document.addEventListener('focusin', (event) => {
    if (!(event.target as HTMLElement | null)?.matches('[data-entry-field]:not([disabled])')) return;
    setTimeout(() => {
      marks.entryReady ??= performance.now();
    }, 0);
  }, true);
}

/** The first, online visit; the service worker installs its precache meanwhile. */
async function installApp(profileDir: string, url: string): Promise<string> {
  const context = await launchProfile(profileDir);
  try {
    const page = await context.newPage();
    return await walkFirstVisit(page, url).catch(async (error: unknown) => {
      throw new Error(`the first online visit failed (${describeError(error)}); the page showed: "${await visibleText(page)}"`);
    });
  } finally {
    await context.close();
  }
}

/** One cold start's milestones that matter, ms. */
interface ColdStart {
  /** Navigation start until the unlock field takes typing. */
  toUnlockMs: number;
  /** Passphrase submitted until the entry form takes typing. */
  unlockToEntryMs: number;
  /** The service worker answered the navigation with the cached page. */
  documentMs: number;
  /** One PBKDF2 derivation as the unlock makes it (600,000 iterations), timed in the same page afterwards. */
  derivationMs: number;
}

/**
 * The key derivation alone, as crypto/keys.ts deriveKey makes it, in the page
 * (same browser, same throttling): what the unlock cannot do without.
 */
async function timeDerivation(page: Page): Promise<number> {
  return page.evaluate(async (iterations) => {
    const started = performance.now();
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('bench passphrase'), 'PBKDF2', false, ['deriveKey']);
    await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations },
      material, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey'],
    );
    return performance.now() - started;
  }, DEFAULT_ITERATIONS);
}

async function waitForMilestone(page: Page, name: keyof Milestones): Promise<void> {
  await page.waitForFunction((n) => window.benchMilestones?.[n] !== undefined, name, { timeout: 60_000 }).catch(async (error: unknown) => {
    const marks = await page.evaluate(() => JSON.stringify(window.benchMilestones ?? null)).catch(() => '?');
    throw new Error(`no ${name} (${describeError(error)}); milestones ${marks}; the page showed: "${await visibleText(page)}"`);
  });
}

/** One cold start: new browser process, offline, throttled. */
async function coldStart(profileDir: string, entryUrl: string): Promise<ColdStart> {
  const context = await launchProfile(profileDir, { offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(watchMilestones);
    await throttleCpu(page, CPU_SLOWDOWN);
    await page.goto(entryUrl);
    await waitForMilestone(page, 'unlockReady');
    await page.getByLabel('Passphrase').fill(BENCH_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await waitForMilestone(page, 'entryReady');
    const marks = await page.evaluate(() => window.benchMilestones as Required<Milestones>);
    // The form must really take the keystroke, or the figure means nothing.
    await page.keyboard.type('Z');
    const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    if (!typed.endsWith('Z')) throw new Error('the focused entry field did not take typing');
    const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? Number.NaN);
    return { toUnlockMs: marks.unlockReady, unlockToEntryMs: marks.entryReady - marks.unlockSubmitted, documentMs: nav, derivationMs: await timeDerivation(page) };
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

const total = (s: ColdStart) => s.toUnlockMs + s.unlockToEntryMs;

function describe(samples: readonly ColdStart[]): string {
  const at = (pick: (s: ColdStart) => number) => median(samples.map(pick)).toFixed(0);
  return `New browser process each run, app from the service-worker cache, server stopped. Medians: page from the worker at ${at((s) => s.documentMs)} ms; `
    + `unlock field takes typing at ${at((s) => s.toUnlockMs)} ms; passphrase submitted to entry form taking typing ${at((s) => s.unlockToEntryMs)} ms `
    + `(includes deriving the key from the passphrase: ${at((s) => s.derivationMs)} ms alone, ${DEFAULT_ITERATIONS.toLocaleString('en-US')} PBKDF2 iterations, timed in the same page after). `
    + `Totals: ${samples.map((s) => total(s).toFixed(0)).join(', ')} ms.`;
}

function rows(samples: ColdStart[] | null, reason: string | null): Figure[] {
  const label = `Cold start offline, CPU ${CPU_SLOWDOWN}x slower`;
  return [
    figure({
      label: `${label}: entry form takes typing, machine time (median of ${RUNS})`, unit: 'ms', better: 'lower',
      ours: samples ? median(samples.map(total)) : null, goal: { on: 'ours', atMost: 1000 }, note: reason ?? (samples ? describe(samples) : null),
    }),
    figure({ label: `${label}: app takes typing (unlock field)`, unit: 'ms', better: 'lower', ours: samples ? median(samples.map((s) => s.toUnlockMs)) : null, goal: { on: 'ours', atMost: 400 } }),
    figure({
      label: `${label}: passphrase to entry form, beyond the key derivation`, unit: 'ms', better: 'lower',
      ours: samples ? median(samples.map((s) => s.unlockToEntryMs - s.derivationMs)) : null, goal: { on: 'ours', atMost: 150 },
    }),
  ];
}

/** Cold start figures. */
export const coldStartSection: Section = {
  id: 'cold-start',
  name: 'Cold start',
  async run(ctx) {
    ctx.requireApp();
    return rows(await measureColdStart(ctx.rootDir), null);
  },
  notMeasured: (reason) => rows(null, reason),
};
