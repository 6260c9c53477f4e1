/**
 * Keystroke latency: with the CPU throttled 4x, a script types whole sheets
 * into the entry form at a typist's pace (the SSID and its blind re-key with
 * their checks, the autosave after each pause), and the page notes, for every
 * key, the time from the key event to the end of the next frame. The peer is
 * the browser itself: the same keys typed into a bare <input> on a blank page,
 * same browser, same throttle, same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchProfile, throttleCpu, walkFirstVisit } from '../lib/browser';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';
import { percentile } from '../lib/stats';
import { sheet, typeSheet, type Count } from '../lib/typing';

const SHEETS = 2;
const CPU_SLOWDOWN = 4;
/** Between keys: about five keys a second, and longer than the autosave's pause, so saves run while typing goes on. */
const PAUSE_MS = 150;
/** One frame at 60 Hz. */
const FRAME_MS = 16;

declare global {
  interface Window {
    benchKeyLatencies?: number[];
  }
}

/**
 * Notes each key's latency: from the keydown's timestamp (when the browser
 * received the key, so time it waited behind other work counts) to a task posted
 * from the next animation frame, which runs once that frame is drawn. No named
 * inner functions: the page gets this function's source only.
 */
function watchKeyLatency(): void {
  const samples: number[] = [];
  window.benchKeyLatencies = samples;
  window.addEventListener('keydown', (event) => {
    const pressed = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        samples.push(performance.now() - pressed);
      };
      channel.port2.postMessage(null);
    });
  }, true);
}

async function collect(page: Page): Promise<number[]> {
  // The last key's frame is drawn before the samples are read.
  await page.waitForTimeout(PAUSE_MS);
  return page.evaluate(() => window.benchKeyLatencies ?? []);
}

/** Types SHEETS sheets into the app's entry form, throttled; the latencies and how many keys. */
async function measureApp(page: Page): Promise<{ latencies: number[]; keys: number }> {
  await page.evaluate(watchKeyLatency);
  const cdp = await throttleCpu(page, CPU_SLOWDOWN);
  const count: Count = { data: 0, overhead: 0, fields: 0 };
  try {
    for (let i = 0; i < SHEETS; i++) {
      await typeSheet(page, sheet(i), count, PAUSE_MS);
      await page.getByRole('heading', { name: `Sheet ${i + 2} of ${Math.max(25, i + 2)}` }).waitFor();
    }
    return { latencies: await collect(page), keys: count.data + count.overhead };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** The same characters typed into a bare input: what the browser alone costs under the same throttle. */
async function measureBareInput(page: Page): Promise<number[]> {
  await page.goto('about:blank');
  await page.setContent('<input aria-label="bare">');
  await page.evaluate(watchKeyLatency);
  await throttleCpu(page, CPU_SLOWDOWN);
  await page.getByLabel('bare').focus();
  for (let i = 0; i < SHEETS; i++) {
    const text = Object.values(sheet(i)).flat().join('');
    await page.keyboard.type(text, { delay: PAUSE_MS });
  }
  return collect(page);
}

async function measure(rootDir: string): Promise<{ app: number[]; bare: number[]; keys: number }> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-keystroke-'));
  const server = await startServerProcess(rootDir);
  const context = await launchProfile(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await walkFirstVisit(page, server.url);
    const { latencies, keys } = await measureApp(page);
    if (latencies.length < keys) throw new Error(`only ${latencies.length} of ${keys} keys were seen by the page`);
    const bare = await measureBareInput(await context.newPage());
    return { app: latencies, bare, keys };
  } finally {
    await context.close();
    await server.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
}

function rows(result: { app: number[]; bare: number[]; keys: number } | null, reason: string | null): Figure[] {
  const label = `Key press to next frame, CPU ${CPU_SLOWDOWN}x slower`;
  const at = (samples: number[] | undefined, p: number) => (samples ? percentile(samples, p) : null);
  const note = result
    ? `${result.keys} keys over ${SHEETS} sheets of the entry form, ${PAUSE_MS} ms apart; worst ${Math.max(...result.app).toFixed(0)} ms, `
      + `${result.app.filter((ms) => ms > FRAME_MS).length} keys over one frame (${FRAME_MS} ms). Peer: the same characters in a bare <input>.`
    : reason;
  return [
    figure({ label: `${label}, p50`, unit: 'ms', better: 'lower', ours: at(result?.app, 50), peer: at(result?.bare, 50), peerName: 'bare <input>', note }),
    figure({
      label: `${label}, p95`, unit: 'ms', better: 'lower', ours: at(result?.app, 95), peer: at(result?.bare, 95), peerName: 'bare <input>',
      goal: { on: 'ours', atMost: FRAME_MS },
    }),
  ];
}

/** Keystroke latency figures. */
export const keystrokeSection: Section = {
  id: 'keystroke',
  name: 'Keystroke latency',
  async run(ctx) {
    ctx.requireApp();
    return rows(await measure(ctx.rootDir), null);
  },
  notMeasured: (reason) => rows(null, reason),
};
