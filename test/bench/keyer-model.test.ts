import { describe, expect, it } from 'vitest';
import { simulate } from '../../bench/lib/accuracy-sim';
import { makeRecords, seededRandom } from '../../bench/lib/fixtures';
import { DEFAULT_MODEL, keyIn, readSheet, writeSheet, type ErrorModel } from '../../bench/lib/keyer-model';

const base = makeRecords({ count: 1, schoolIds: ['school'] })[0]!.fields;
const NO_ERRORS: ErrorModel = {
  ...DEFAULT_MODEL, paperLocalId: 0, paperMisprint: 0, paperOmission: 0, paperSwap: 0, ambiguousDigit: 0, slip: 0, schoolRecordWrong: 0,
};

describe('keyer model', () => {
  it('with no error anywhere, every mode accepts every student’s true SSID', () => {
    const { modes, keying } = simulate(300, 1, NO_ERRORS, base);
    expect(keying.wrong).toBe(0);
    for (const m of modes) expect(m).toMatchObject({ accepted: 300, wrong: 0, blank: 0 });
  });

  it('a keying without slips types exactly what was read, one key per digit', () => {
    expect(keyIn('1234567890', seededRandom(1), NO_ERRORS)).toEqual({ typed: '1234567890', keys: 10 });
  });

  it('the same person reads an ambiguous digit the same way on every look', () => {
    const model = { ...NO_ERRORS, ambiguousDigit: 1, misreadAmbiguous: 0.5 };
    const sheet = writeSheet(seededRandom(3), model);
    expect(readSheet(sheet, seededRandom(9), model)).toBe(readSheet(sheet, seededRandom(9), model));
  });

  it('the blind re-key catches slips that a single keying lets through', () => {
    const slips = { ...NO_ERRORS, slip: 0.02, slipKinds: { neighbour: 1, omission: 0, insertion: 0 } };
    const { modes } = simulate(2_000, 2, slips, base);
    const [single, rekey] = modes;
    expect(single!.wrongKeyed).toBeGreaterThan(100);
    expect(rekey!.wrongKeyed).toBeLessThan(single!.wrongKeyed / 10);
  });

  it('a school return corrects what the student wrote wrong on the paper, where the school answers', () => {
    const paper = { ...NO_ERRORS, paperMisprint: 0.2, schoolReturnCoverage: 1 };
    const { modes } = simulate(1_000, 4, paper, base);
    expect(modes[2]!.wrong).toBeGreaterThan(100);
    expect(modes[3]!.wrong).toBe(0);
  });

  it('a returning student’s miswritten paper is held back where the center holds their SSID from a year before, and no school answers', () => {
    const paper = { ...NO_ERRORS, paperMisprint: 0.2, schoolReturnCoverage: 0 };
    const [, , , withoutCheck, withCheck] = simulate(1_000, 6, { ...paper, returningStudent: 1 }, base).modes;
    expect(withoutCheck!.wrong).toBeGreaterThan(100);
    // Left blank rather than wrong: this year's misprints, and the right papers of students whose last one was misprinted.
    expect(withCheck!.wrong).toBeLessThan(withoutCheck!.wrong / 20);
    expect(withCheck!.heldBack).toBeGreaterThan(withoutCheck!.wrong);
    const nobodyReturns = simulate(1_000, 6, { ...paper, returningStudent: 0 }, base).modes;
    expect(nobodyReturns[4]).toMatchObject({ wrong: nobodyReturns[3]!.wrong, blank: nobodyReturns[3]!.blank, heldBack: 0 });
  });

  it('a School Student ID that is not 10 digits, written on the SSID line, is never accepted as an SSID', () => {
    const local = { ...NO_ERRORS, paperLocalId: 1, localIdTenDigits: 0, schoolReturnCoverage: 0 };
    for (const m of simulate(200, 5, local, base).modes) expect(m).toMatchObject({ accepted: 0, blank: 200 });
  });

  it('gives the same figures for the same seed', () => {
    expect(simulate(500, 7, DEFAULT_MODEL, base)).toEqual(simulate(500, 7, DEFAULT_MODEL, base));
  });
});
