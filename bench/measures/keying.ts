/**
 * Keying cost: a script types 25 realistic sheets into the entry form in
 * Chromium the way a keyboard-only advisor would (the value from the paper,
 * then Enter only where the form did not move on by itself; an option by its
 * number or letter; Ctrl+Enter at the end of each sheet) and counts the keys.
 * Data keys carry something from the paper (characters, the re-keyed SSID, a key
 * choosing an option); every other key (Enter, Ctrl+Enter, Space, arrows) is overhead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchProfile, walkFirstVisit } from '../lib/browser';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';
import { sheet, typeSheet, type Count } from '../lib/typing';

const SHEETS = 25;
async function measure(rootDir: string): Promise<Count> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'mesa-bench-keying-'));
  const server = await startServerProcess(rootDir);
  const context = await launchProfile(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await walkFirstVisit(page, server.url);
    const count: Count = { data: 0, overhead: 0, fields: 0 };
    for (let i = 0; i < SHEETS; i++) {
      await typeSheet(page, sheet(i), count);
      await page.getByRole('heading', { name: `Sheet ${i + 2} of ${Math.max(SHEETS, i + 2)}` }).waitFor();
    }
    return count;
  } finally {
    await context.close();
    await server.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
}

function rows(count: Count | null, reason: string | null): Figure[] {
  const total = count ? count.data + count.overhead : 0;
  return [
    figure({ label: `Keys per sheet, ${SHEETS} sheets typed keyboard-only`, unit: 'keys', better: 'lower', ours: count ? total / SHEETS : null, note: reason }),
    figure({
      label: 'Share of keys that carry nothing from the paper (Enter, Ctrl+Enter)', unit: '%', better: 'lower',
      ours: count ? (100 * count.overhead) / total : null, goal: { on: 'ours', atMost: 8 },
      note: count ? `${(count.overhead / SHEETS).toFixed(1)} moving-on keys and ${(count.data / SHEETS).toFixed(1)} data keys per sheet` : null,
    }),
    figure({ label: 'Keys per field reached', unit: 'keys', better: 'lower', ours: count ? total / count.fields : null }),
  ];
}

/** Keying cost figures. */
export const keyingSection: Section = {
  id: 'keying',
  name: 'Keying',
  async run(ctx) {
    ctx.requireApp();
    return rows(await measure(ctx.rootDir), null);
  },
  notMeasured: (reason) => rows(null, reason),
};
