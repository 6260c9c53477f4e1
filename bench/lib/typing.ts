/**
 * Sheets of the paper form as a keyboard-only advisor types them into the entry
 * form (the value from the paper, then Enter only where the form did not move
 * on by itself; an option by its number or letter; nothing where Enter passed
 * over a field the app filled in; Ctrl+Enter at the end of each sheet), for
 * the keying and keystroke-latency sections.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_FORM, ETHNICITIES, PARENT_EDUCATION } from '../../src/shared/application';
import { optionForKey } from '../../src/shared/keying';

const FIRST = ['Maria', 'Jose', 'Aaliyah', 'Nguyen', 'Ethan', 'Ximena', 'Daniel', 'Priya', 'Kevin', 'Sofia'];
const LAST = ['Ramirez', 'Okafor', 'Tran', 'Garcia-Lopez', 'Smith', 'Hernandez', 'Chen', 'Patel', 'Johnson', 'Flores'];

/** One sheet as the paper says it: field name to what is typed ('' when the paper leaves it blank). */
export function sheet(i: number): Record<string, string | string[]> {
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

/** Keys pressed: carrying data from the paper, moving on, and fields reached. */
export interface Count { data: number; overhead: number; fields: number }

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * Types one sheet keyboard-only, counting keys into `count`. `pauseMs` waits
 * between keys the way a person's fingers do (0: as fast as the browser takes them).
 */
export async function typeSheet(page: Page, values: Record<string, string | string[]>, count: Count, pauseMs = 0): Promise<void> {
  const press = async (key: string) => {
    await page.keyboard.press(key);
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  };
  await page.waitForFunction(() => document.activeElement?.id === 'f-firstName');
  // The fields after the last one the paper fills are left to Ctrl+Enter.
  const stops = DEFAULT_FORM.flatMap((def) => (def.kind === 'ssid' ? [def, { ...def, name: 'ssidRekey' as const }] : [def]));
  const lastFilled = stops.map((d) => values[d.name === 'ssidRekey' ? 'ssid' : d.name]).findLastIndex((v) => (Array.isArray(v) ? v.length > 0 : v !== ''));
  for (const def of stops.slice(0, lastFilled + 1)) {
    const value = values[def.name === 'ssidRekey' ? 'ssid' : def.name] ?? '';
    const before = await focusedId(page);
    // Enter passed over a field the app filled in (the batch's school, the SSID source): nothing to press there.
    if (before !== `f-${def.name}`) {
      if (value.length > 0) throw new Error(`the keyboard passed over ${def.name}, which this sheet fills`);
      continue;
    }
    count.fields += 1;
    if (Array.isArray(value)) {
      for (const option of value) {
        await press(String(ETHNICITIES.indexOf(option as (typeof ETHNICITIES)[number]) + 1));
        count.data += 1;
      }
    } else if (value !== '' && (def.kind === 'select' || def.kind === 'yesno')) {
      const labels = def.kind === 'yesno' ? ['Yes', 'No'] : [...(def.options ?? [])];
      const byLetter = optionForKey(labels, value[0]!) === labels.indexOf(value);
      await press(byLetter ? value[0]! : String(labels.indexOf(value) + 1));
      count.data += 1;
    } else if (value !== '') {
      await page.keyboard.type(value, { delay: pauseMs });
      if (pauseMs > 0) await page.waitForTimeout(pauseMs);
      count.data += value.length;
    }
    if ((await focusedId(page)) === before) {
      await press('Enter');
      count.overhead += 1;
    }
  }
  await press('Control+Enter');
  count.overhead += 1;
}
