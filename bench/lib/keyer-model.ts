/**
 * A seeded model of how a CA SSID goes wrong between the student's pen and the
 * server (design section 13), kept apart by source so each check's effect shows:
 * - the paper itself: the student wrote the School Student ID, misprinted,
 *   left out or swapped digits (the program office's memo names these three);
 * - reading handwriting: an ambiguous digit (1/7, 4/9, 5/6, 3/8, 0/6, 2/7) is
 *   read the same way every time by the same person, and independently by
 *   another person, so two keyings by one person share their misreads and two
 *   people share them only partly;
 * - keying: slips of the finger on a numeric keypad, independent per keying.
 * Pure and seeded: the same seed gives the same sheets, readings and keystrokes.
 */

/** Every rate of the model, with where it comes from (also printed in the README). */
export interface ErrorModel {
  /** Share of papers whose SSID line holds the School Student ID. Assumed: the memo names the mistake, no rate is published. */
  paperLocalId: number;
  /** Share of those School Student IDs that are 10 digits, so no shape check can tell them apart. Assumed. */
  localIdTenDigits: number;
  /** Share of papers with one digit misprinted by the student. Assumed. */
  paperMisprint: number;
  /** Share of papers with one digit left out. Assumed. */
  paperOmission: number;
  /** Share of papers with two neighbouring digits swapped. Assumed. */
  paperSwap: number;
  /** Chance that one handwritten digit is ambiguous between two digits. Calibrated (with `slip`) so single keying lands on the literature's pooled rate. */
  ambiguousDigit: number;
  /** Chance that a given person reads an ambiguous digit the wrong way; the same for every keying by that person. */
  misreadAmbiguous: number;
  /** Chance that one keystroke slips. Calibrated with `ambiguousDigit`. */
  slip: number;
  /** Of slips: a neighbouring key, a dropped key, a doubled/extra key; the rest swap two neighbours. */
  slipKinds: { neighbour: number; omission: number; insertion: number };
  /** Share of students for whom the school's return gives an SSID. Assumed. */
  schoolReturnCoverage: number;
  /** Chance that the school's own record of the SSID is wrong. Assumed (CALPADS assigns it; schools copy it electronically). */
  schoolRecordWrong: number;
  /**
   * Share of papers from students the center already has, from a year before, so its roster holds the SSID it took for them then.
   * Assumed: MESA serves grades 6 to 12 and students stay for several years, but no retention rate is published and some returning
   * students re-enroll online instead of on paper.
   */
  returningStudent: number;
}

/** The rates used by `npm run bench -- --only=accuracy`. */
export const DEFAULT_MODEL: ErrorModel = {
  paperLocalId: 0.005,
  localIdTenDigits: 0.2,
  paperMisprint: 0.005,
  paperOmission: 0.003,
  paperSwap: 0.003,
  ambiguousDigit: 0.00033,
  misreadAmbiguous: 0.3,
  slip: 0.0002,
  slipKinds: { neighbour: 0.6, omission: 0.15, insertion: 0.15 },
  schoolReturnCoverage: 0.95,
  schoolRecordWrong: 0.0001,
  returningStudent: 0.3,
};

/** The pairs people confuse in handwriting. */
const CONFUSABLE: Readonly<Record<string, string>> = { 1: '7', 7: '1', 4: '9', 9: '4', 5: '6', 6: '5', 3: '8', 8: '3', 0: '6', 2: '7' };

/** Neighbours on a phone-style numeric keypad (1 2 3 / 4 5 6 / 7 8 9 / 0). */
const KEYPAD_NEIGHBOURS: Readonly<Record<string, string>> = {
  1: '24', 2: '135', 3: '26', 4: '157', 5: '2468', 6: '359', 7: '48', 8: '5790', 9: '68', 0: '8',
};

export type Random = () => number;

function pick(rand: Random, chars: string): string {
  return chars[Math.floor(rand() * chars.length)] as string;
}

function randomDigits(rand: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
  return s;
}

/** One sheet: the true SSID, what the paper says, and which handwritten digits are ambiguous. */
export interface Sheet {
  truth: string;
  /** The SSID line as the student wrote it. */
  paper: string;
  /** The School Student ID line. */
  localId: string;
  /** Positions in `paper` whose handwriting is ambiguous. */
  ambiguous: readonly number[];
}

function schoolStudentId(rand: Random, model: ErrorModel): string {
  // LAUSD's local id is 10 characters with an X in position 7; others are shorter numbers.
  if (rand() < model.localIdTenDigits) return `${1 + Math.floor(rand() * 9)}${randomDigits(rand, 9)}`;
  return rand() < 0.5 ? `${randomDigits(rand, 6)}X${randomDigits(rand, 3)}` : randomDigits(rand, 6 + Math.floor(rand() * 3));
}

/** Writes one sheet as a student would, with the paper's own mistakes; `known` is the student's SSID when the sheet is theirs again. */
export function writeSheet(rand: Random, model: ErrorModel, known?: string): Sheet {
  const truth = known ?? `${1 + Math.floor(rand() * 9)}${randomDigits(rand, 9)}`;
  const localId = schoolStudentId(rand, model);
  let paper = truth;
  const r = rand();
  const at = Math.floor(rand() * 9);
  if (r < model.paperLocalId) paper = localId;
  else if ((r - model.paperLocalId) < model.paperMisprint) paper = truth.slice(0, at) + ((Number(truth[at]) + 1 + Math.floor(rand() * 9)) % 10) + truth.slice(at + 1);
  else if ((r - model.paperLocalId - model.paperMisprint) < model.paperOmission) paper = truth.slice(0, at) + truth.slice(at + 1);
  else if ((r - model.paperLocalId - model.paperMisprint - model.paperOmission) < model.paperSwap) paper = truth.slice(0, at) + truth[at + 1] + truth[at] + truth.slice(at + 2);
  const ambiguous: number[] = [];
  for (let i = 0; i < paper.length; i++) if (CONFUSABLE[paper[i] as string] && rand() < model.ambiguousDigit) ambiguous.push(i);
  return { truth, paper, localId, ambiguous };
}

/** How one person reads the sheet: the same every time they look, since misreads are theirs. */
export function readSheet(sheet: Sheet, rand: Random, model: ErrorModel): string {
  let read = sheet.paper;
  for (const i of sheet.ambiguous) {
    if (rand() < model.misreadAmbiguous) read = read.slice(0, i) + (CONFUSABLE[read[i] as string] as string) + read.slice(i + 1);
  }
  return read;
}

/** Types what was read, with independent slips; returns the text and the keystrokes it took. */
export function keyIn(read: string, rand: Random, model: ErrorModel): { typed: string; keys: number } {
  const chars = read.split('');
  let typed = '';
  let keys = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    keys++;
    if (rand() >= model.slip) {
      typed += c;
      continue;
    }
    const kind = rand();
    const { neighbour, omission, insertion } = model.slipKinds;
    if (kind < neighbour) typed += KEYPAD_NEIGHBOURS[c] ? pick(rand, KEYPAD_NEIGHBOURS[c] as string) : c;
    else if (kind < neighbour + omission) keys--;
    else if (kind < neighbour + omission + insertion) {
      typed += c + c;
      keys++;
    } else if (i + 1 < chars.length) {
      typed += (chars[i + 1] as string) + c;
      keys++;
      i++;
    } else typed += c;
  }
  return { typed, keys };
}

/** The school's record of the student's SSID, when the return covers them. */
export function schoolRecord(sheet: Sheet, rand: Random, model: ErrorModel): string | null {
  if (rand() >= model.schoolReturnCoverage) return null;
  if (rand() >= model.schoolRecordWrong) return sheet.truth;
  const at = Math.floor(rand() * 10);
  return sheet.truth.slice(0, at) + ((Number(sheet.truth[at]) + 1) % 10) + sheet.truth.slice(at + 1);
}
