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
import type { Page } from 'playwright-core';
import { launchProfile, walkFirstVisit } from '../lib/browser';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';
import { startServerProcess } from '../lib/server-process';
import { DEFAULT_FORM, ETHNICITIES, PARENT_EDUCATION } from '../../src/shared/application';
import { optionForKey } from '../../src/shared/keying';

const SHEETS = 25;
const FIRST = ['Maria', 'Jose', 'Aaliyah', 'Nguyen', 'Ethan', 'Ximena', 'Daniel', 'Priya', 'Kevin', 'Sofia'];
const LAST = ['Ramirez', 'Okafor', 'Tran', 'Garcia-Lopez', 'Smith', 'Hernandez', 'Chen', 'Patel', 'Johnson', 'Flores'];

/** One sheet as the paper says it: field name to what is typed ('' when the paper leaves it blank). */
function sheet(i: number): Record<string, string | string[]> {
  const ssid = String(3_000_000_000 + i * 7_919_113).slice(0, 10);
  return {
    firstName: FIRST[i % 10]!, middleName: i % 3 === 0 ? 'Elena' : '', lastName: LAST[(i * 3) % 10]!,
    dateOfBirth: `0${1 + (i % 9)}${String(10 + (i % 18)).padStart(2, '0')}2012`, gender: i % 2 ? 'Female' : 'Male', grade: '',
    schoolId: '', ssid, ssidSource: '', schoolStudentId: i % 4 === 0 ? '' : `${88000 + i}`, email: i % 3 === 0 ? `${FIRST[i % 10]!.toLowerCase()}${i}@mail.com` : '',
    phone: `4155550${String(100 + i)}`, street: `${100 + i * 7} Mission St`, city: 'San Francisco', zip: `941${String(10 + (i % 20))}`,
    ethnicity: [ETHNICITIES[i % 8]!], parentEducation: PARENT_EDUCATION[i % 6]!, freeReducedLunch: i % 2 ? 'Yes' : 'No', homeLanguage: i % 2 ? 'Spanish' : 'English',
    guardianName: `Ana ${LAST[(i * 3) % 10]!}`, guardianRelationship: 'Mother', guardianPhone: `5105550${String(100 + i)}`, guardianEmail: '',
    studentSignedDate: '09022025', pafSignedDate: '09032025', mediaRelease: 'Yes', programYear: '', dateReceived: '',
  };
}

interface Count { data: number; overhead: number; fields: number }

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function typeSheet(page: Page, values: Record<string, string | string[]>, count: Count): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === 'f-firstName');
  // The fields after the last one the paper fills are left to Ctrl+Enter.
  const stops = DEFAULT_FORM.flatMap((def) => (def.kind === 'ssid' ? [def, { ...def, name: 'ssidRekey' as const }] : [def]));
  const lastFilled = stops.map((d) => values[d.name === 'ssidRekey' ? 'ssid' : d.name]).findLastIndex((v) => (Array.isArray(v) ? v.length > 0 : v !== ''));
  for (const def of stops.slice(0, lastFilled + 1)) {
    const value = values[def.name === 'ssidRekey' ? 'ssid' : def.name] ?? '';
    const before = await focusedId(page);
    count.fields += 1;
    if (Array.isArray(value)) {
      for (const option of value) {
        await page.keyboard.press(String(ETHNICITIES.indexOf(option as (typeof ETHNICITIES)[number]) + 1));
        count.data += 1;
      }
    } else if (value !== '' && (def.kind === 'select' || def.kind === 'yesno')) {
      const labels = def.kind === 'yesno' ? ['Yes', 'No'] : [...(def.options ?? [])];
      const byLetter = optionForKey(labels, value[0]!) === labels.indexOf(value);
      await page.keyboard.press(byLetter ? value[0]! : String(labels.indexOf(value) + 1));
      count.data += 1;
    } else if (value !== '') {
      await page.keyboard.type(value);
      count.data += value.length;
    }
    if ((await focusedId(page)) === before) {
      await page.keyboard.press('Enter');
      count.overhead += 1;
    }
  }
  await page.keyboard.press('Control+Enter');
  count.overhead += 1;
}

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
