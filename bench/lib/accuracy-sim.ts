/**
 * Runs the keyer model's sheets through the app's real checks, one mode at a
 * time, and counts the wrong SSIDs that end up accepted. The checks are the
 * ones the app runs: `validateApplication` (the SSID rules and the blind
 * re-key), `settleField` (second keying and adjudication from the paper),
 * `ssidFlags` (the school-return comparison) and `heldSsidDiffering` with
 * `validateApplication` (a returning student's paper against the SSID the
 * center already holds for them).
 */
import type { ApplicationFields } from '../../src/shared/application';
import { indexRoster, type MatchableRow } from '../../src/shared/matching';
import { ssidFlags } from '../../src/shared/match-review';
import { heldSsidDiffering, type RosteredSsid } from '../../src/shared/returning-student';
import { validateApplication } from '../../src/shared/validate';
import { settleField } from '../../src/shared/verification';
import { seededRandom } from './fixtures';
import { keyIn, readSheet, schoolRecord, writeSheet, type ErrorModel, type Random, type Sheet } from './keyer-model';

export const MODES = ['single', 'rekey', 'second_keyer', 'second_keyer_and_school', 'returning_check'] as const;
export type Mode = (typeof MODES)[number];

/** What one mode did to all the sheets. */
export interface ModeResult {
  mode: Mode;
  sheets: number;
  /** Sheets stored with an SSID. */
  accepted: number;
  /** Of those, SSIDs that are not the student's. */
  wrong: number;
  /** Of the wrong ones, those that differ from what the paper says: the keying's own share (the rest were wrong on the paper). */
  wrongKeyed: number;
  /** Sheets stored without an SSID (the paper's number could never pass the checks). */
  blank: number;
  /** SSID keystrokes, all keyings included. */
  keys: number;
  /** Sheets whose two keyers disagreed, so a third keying was asked for. */
  thirdKeyings: number;
  /** Sheets sent to "Needs a second look". */
  secondLooks: number;
  /** Of the wrong ones, those on sheets no school return covered. */
  wrongUncovered: number;
  /** Sheets whose SSID was left blank because it was not the one the center holds for the student. */
  heldBack: number;
}

/** How often one keying differs from what the paper says: the figure the literature reports per field. */
export interface KeyingErrorRate {
  fields: number;
  wrong: number;
}

const ATTEMPTS = 3;

/** A valid application around the SSID, so `validateApplication` checks the SSID and the re-key alone. */
function applicationAround(base: ApplicationFields, ssid: string, localId: string): ApplicationFields {
  return { ...base, ssid, schoolStudentId: localId };
}

/**
 * One advisor keys the SSID as the app makes them: typed (and, with the blind
 * re-key, typed again), checked, and keyed again from the paper while the app
 * refuses it. A number the checks never pass after three readings is left blank,
 * for the school to supply. Warnings that ask for a look at the paper are
 * ticked: the advisor looks, and the paper does show that number.
 */
function keyer(sheet: Sheet, reading: string, rand: Random, model: ErrorModel, base: ApplicationFields, rekey: boolean) {
  let keys = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = keyIn(reading, rand, model);
    const second = rekey ? keyIn(reading, rand, model) : first;
    keys += first.keys + (rekey ? second.keys : 0);
    const { errors } = validateApplication(applicationAround(base, first.typed, sheet.localId), { ssidRekey: second.typed, ssidChecked: true });
    if (!errors.some((e) => e.field === 'ssid' || e.field === 'ssidRekey')) return { value: first.typed, keys };
  }
  return { value: null, keys };
}

/** The school's return compared with the stored SSID, as the import review does; a difference is decided for the school's number. */
function afterSchoolReturn(stored: string | null, school: string | null): string | null {
  if (school === null) return stored;
  const row: MatchableRow = {
    line: 2, firstName: 'A', middleName: '', lastName: 'B', dateOfBirth: '2011-01-01', dateProblem: null, schoolStudentId: '',
    ssid: { raw: school, status: 'valid', value: school, errors: [], warnings: [] },
  };
  const index = indexRoster([{ studentId: 's', firstName: 'A', middleName: '', lastName: 'B', dateOfBirth: '2011-01-01', currentSsid: stored }]);
  const flags = ssidFlags(row, 's', index, new Map());
  // Same: confirmed. Differs: a decision for the advisor, who asks the school (its records are the best source).
  return flags.some((f) => f.code === 'same_as_current') ? stored : school;
}

/**
 * A returning student's sheet, checked at confirmation against the SSID the
 * center took for them a year before (`held`, null when it took none): the
 * entry form's warning holds the sheet until the advisor looks at the paper,
 * and says to leave the SSID blank unless the paper is clearly right. The
 * paper shows the number it shows, so the advisor does as the warning says
 * (assumed). The roster keeps hashes; the rule only compares them, so the
 * numbers stand for their hashes here.
 */
function afterReturningCheck(value: string | null, held: string | null, sheet: Sheet, base: ApplicationFields): { value: string | null; heldBack: boolean } {
  if (value === null || held === null) return { value, heldBack: false };
  const paper = { firstName: base.firstName, middleName: base.middleName, lastName: base.lastName, dateOfBirth: base.dateOfBirth };
  const roster: RosteredSsid[] = [{ ...paper, ssidHash: held, ssidLast4: held.slice(-4), ssidSource: 'student_form' }];
  const { warnings } = validateApplication(applicationAround(base, value, sheet.localId), {
    ssidRekey: value, ssidHeldForStudent: heldSsidDiffering(paper, value, roster),
  });
  return warnings.some((w) => w.code === 'ssid_differs_from_center') ? { value: null, heldBack: true } : { value, heldBack: false };
}

/** What the second keyer, the third keying and the second look make of one sheet, and what they cost. */
interface Verified {
  value: string | null;
  keys: number;
  third: boolean;
  secondLook: boolean;
}

/** The first keyer (with the blind re-key) and a second keyer, disagreements settled from the paper (streams 6 to 8). */
function verify(sheet: Sheet, readings: readonly [string, string, string], first: { value: string | null; keys: number }, stream: (k: number) => Random, model: ErrorModel, base: ApplicationFields): Verified {
  const second = keyer(sheet, readings[1], stream(7), model, base, false);
  const keys = first.keys + second.keys;
  const verdict = settleField('ssid', first.value ?? '', second.value ?? '');
  if (verdict.state === 'agreed') return { value: verdict.value === '' ? null : verdict.value, keys, third: false, secondLook: false };
  const third = keyer(sheet, readings[2], stream(8), model, base, false);
  const settled = settleField('ssid', first.value ?? '', second.value ?? '', third.value ?? '');
  if (settled.state === 'settled') return { value: settled.value === '' ? null : settled.value, keys: keys + third.keys, third: true, secondLook: false };
  // A second look with all three values side by side and the paper's line named: the paper is read with care.
  return { value: /^\d{10}$/.test(sheet.paper) ? sheet.paper : null, keys: keys + third.keys, third: true, secondLook: true };
}

/** The SSID the center holds a year on for a student whose sheet went through the strongest mode then (streams from `stream`). */
function lastYearsSsid(truth: string, stream: (k: number) => Random, model: ErrorModel, base: ApplicationFields): string | null {
  const sheet = writeSheet(stream(0), model, truth);
  const readings = [readSheet(sheet, stream(1), model), readSheet(sheet, stream(2), model), readSheet(sheet, stream(3), model)] as const;
  const first = keyer(sheet, readings[0], stream(6), model, base, true);
  return afterSchoolReturn(verify(sheet, readings, first, stream, model, base).value, schoolRecord(sheet, stream(9), model));
}

/** Simulates `count` sheets under every mode, with the same sheets and readings in each. */
export function simulate(count: number, seed: number, model: ErrorModel, base: ApplicationFields): { modes: ModeResult[]; keying: KeyingErrorRate } {
  const results = new Map<Mode, ModeResult>(MODES.map((mode) => [mode, {
    mode, sheets: count, accepted: 0, wrong: 0, wrongKeyed: 0, wrongUncovered: 0, blank: 0, keys: 0, thirdKeyings: 0, secondLooks: 0, heldBack: 0,
  }]));
  const keying: KeyingErrorRate = { fields: 0, wrong: 0 };
  const record = (mode: Mode, sheet: Sheet, value: string | null, keys: number, covered = true) => {
    const r = results.get(mode) as ModeResult;
    r.keys += keys;
    if (value === null) r.blank++;
    else {
      r.accepted++;
      if (value !== sheet.truth) r.wrong++;
      if (value !== sheet.truth && value !== sheet.paper) r.wrongKeyed++;
      if (value !== sheet.truth && !covered) r.wrongUncovered++;
    }
  };
  const verification = (mode: Mode, v: Verified) => {
    const r = results.get(mode) as ModeResult;
    if (v.third) r.thirdKeyings++;
    if (v.secondLook) r.secondLooks++;
  };
  for (let i = 0; i < count; i++) {
    // Separate streams per role, so every mode sees the same sheet and the same readings.
    const stream = (k: number) => seededRandom(seed * 7919 + i * 16 + k);
    const sheet = writeSheet(stream(0), model);
    const readings = [readSheet(sheet, stream(1), model), readSheet(sheet, stream(2), model), readSheet(sheet, stream(3), model)] as const;

    const once = keyIn(readings[0], stream(4), model);
    keying.fields++;
    if (once.typed !== sheet.paper) keying.wrong++;

    const single = keyer(sheet, readings[0], stream(5), model, base, false);
    record('single', sheet, single.value, single.keys);

    const first = keyer(sheet, readings[0], stream(6), model, base, true);
    record('rekey', sheet, first.value, first.keys);

    const verified = verify(sheet, readings, first, stream, model, base);
    const school = schoolRecord(sheet, stream(9), model);
    for (const mode of ['second_keyer', 'second_keyer_and_school', 'returning_check'] as const) verification(mode, verified);
    record('second_keyer', sheet, verified.value, verified.keys);
    record('second_keyer_and_school', sheet, afterSchoolReturn(verified.value, school), verified.keys, school !== null);

    // Last year's streams follow this year's for every sheet, so none is shared.
    const returning = stream(10)() < model.returningStudent;
    const held = returning ? lastYearsSsid(sheet.truth, (k) => seededRandom(seed * 7919 + (count + i) * 16 + k), model, base) : null;
    const checked = afterReturningCheck(verified.value, held, sheet, base);
    if (checked.heldBack) results.get('returning_check')!.heldBack++;
    record('returning_check', sheet, afterSchoolReturn(checked.value, school), verified.keys, school !== null);
  }
  return { modes: MODES.map((m) => results.get(m) as ModeResult), keying };
}

/** Wrong SSIDs per 10,000 accepted records. */
export function wrongPer10k(r: ModeResult): number {
  return r.accepted === 0 ? 0 : (r.wrong / r.accepted) * 10_000;
}
