import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verificationProblems } from '../../src/shared/verification-record';
import { stillVouches, verifySheet, type VerifiedValues } from '../../src/shared/verify-sheet';
import { blankFields, type ConfirmedApplication } from '../../src/shared/application';

const AT = '2026-03-02T10:00:00.000Z';
const keyers = { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-ana' };
const first: VerifiedValues = { ssid: '9123456780', firstName: 'Ana', lastName: 'Reyes', dateOfBirth: '2011-04-02' };

describe('verifySheet', () => {
  it('verifies a sheet both keyers typed the same, with no third keying', () => {
    const outcome = verifySheet(first, { ...first, ssid: '912 345 6780' }, {}, keyers, AT);
    expect(outcome.state).toBe('verified');
    if (outcome.state !== 'verified') return;
    expect(outcome.values).toEqual(first);
    expect(outcome.verification.fields.every((f) => f.third === undefined && f.by === 'u-bea')).toBe(true);
  });

  it('asks the paper only for the fields that differ, naming the field and no value', () => {
    const outcome = verifySheet(first, { ...first, ssid: '9123456708', lastName: 'Reyes' }, {}, keyers, AT);
    expect(outcome).toEqual({ state: 'needs_third', fields: ['ssid'] });
  });

  it('settles a field for the keying the paper agrees with, and the record takes that value', () => {
    const outcome = verifySheet(first, { ...first, ssid: '9123456708' }, { ssid: '9123456708' }, keyers, AT);
    expect(outcome.state).toBe('verified');
    if (outcome.state !== 'verified') return;
    expect(outcome.values.ssid).toBe('9123456708');
    expect(outcome.verification.fields.find((f) => f.field === 'ssid')).toMatchObject({ first: '9123456780', second: '9123456708', third: '9123456708', value: '9123456708' });
    // What the screen hands the push is what the server will take.
    const app = { ...blankFields(), ...outcome.values } as ConfirmedApplication;
    expect(verificationProblems(app, outcome.verification)).toEqual([]);
  });

  it('sends the sheet to a second look with the three values sorted when the paper agrees with neither', () => {
    const outcome = verifySheet(first, { ...first, ssid: '9123456708' }, { ssid: '9123456700' }, keyers, AT);
    expect(outcome).toEqual({ state: 'second_look', lines: [{ field: 'ssid', values: ['9123456708', '9123456780', '9123456700'] }] });
  });

  it('shows the same thing whichever keyer typed which value (the screen cannot tell who was first)', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123'), minLength: 10, maxLength: 10 });
    fc.assert(fc.property(digits, digits, fc.option(digits, { nil: undefined }), (a, b, c) => {
      const third = c === undefined ? {} : { ssid: c };
      const one = verifySheet({ ...first, ssid: a }, { ...first, ssid: b }, third, keyers, AT);
      const other = verifySheet({ ...first, ssid: b }, { ...first, ssid: a }, third, keyers, AT);
      if (one.state === 'verified' && other.state === 'verified') expect(one.values).toEqual(other.values);
      else expect(one).toEqual(other);
    }));
  });
});

describe('stillVouches', () => {
  const outcome = verifySheet(first, first, {}, keyers, AT);
  const verification = outcome.state === 'verified' ? outcome.verification : undefined;
  it.each<[string, Partial<VerifiedValues>, boolean]>([
    ['the same values', {}, true],
    ['the SSID with dashes', { ssid: '912-345-6780' }, true],
    ['another SSID', { ssid: '9123456781' }, false],
    ['another last name', { lastName: 'Reyez' }, false],
  ])('%s', (_label, change, expected) => {
    expect(stillVouches({ ...first, ...change }, verification!)).toBe(expected);
  });
});
