import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDABLE_VERIFIED_FIELDS, verificationProblems, verifiedFieldsOf } from '../../src/shared/verification-record';
import { settleField } from '../../src/shared/verification';
import { stillVouches, verifiedValuesOf, verifySheet, type SecondLooks, type VerifiedValues } from '../../src/shared/verify-sheet';
import { blankFields, type ConfirmedApplication } from '../../src/shared/application';

const AT = '2026-03-02T10:00:00.000Z';
const keyers = { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-ana' };
const first: VerifiedValues = { ssid: '9123456780', firstName: 'Ana', lastName: 'Reyes', dateOfBirth: '2011-04-02' };

describe('verifiedValuesOf', () => {
  it('takes only the four verified fields of an application, so nothing else is held against the second keying', () => {
    const fields = { ...blankFields({ grade: '8' }), ...first, middleName: 'Luz' };
    expect(verifiedValuesOf(fields)).toEqual(first);
  });
});

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

describe('verifySheet at a second look', () => {
  const second = { ...first, ssid: '9123456708' };
  const third = { ssid: '9123456700' };
  const look = (reading: string, again?: string) => ({ ssid: { reading, ...(again === undefined ? {} : { again }), by: 'u-cruz', at: '2026-03-02T11:00:00.000Z' } });

  it('verifies the sheet with the value read from the paper, recording the look per field with who and when', () => {
    const outcome = verifySheet(first, second, third, keyers, AT, look('9123456780'));
    expect(outcome.state).toBe('verified');
    if (outcome.state !== 'verified') return;
    expect(outcome.values.ssid).toBe('9123456780');
    expect(outcome.verification.fields.find((f) => f.field === 'ssid')).toEqual({
      field: 'ssid', first: '9123456780', second: '9123456708', third: '9123456700', value: '9123456780', by: 'u-bea', at: AT,
      secondLook: { reading: '9123456780', by: 'u-cruz', at: '2026-03-02T11:00:00.000Z' },
    });
    // The other fields, agreed, carry no look.
    expect(outcome.verification.fields.filter((f) => f.secondLook !== undefined)).toHaveLength(1);
    expect(verificationProblems({ ...blankFields(), ...outcome.values } as ConfirmedApplication, outcome.verification)).toEqual([]);
  });

  it('keeps the sheet in the second look, asking the reading again, when it agrees with none of the three', () => {
    expect(verifySheet(first, second, third, keyers, AT, look('9123456789'))).toEqual({
      state: 'second_look', lines: [{ field: 'ssid', values: ['9123456708', '9123456780', '9123456700'], readAgain: true }],
    });
    const outcome = verifySheet(first, second, third, keyers, AT, look('9123456789', '9123456789'));
    expect(outcome.state === 'verified' && outcome.values.ssid).toBe('9123456789');
  });

  it('leaves the SSID blank when the paper cannot be read, and the record then carries none', () => {
    const outcome = verifySheet(first, second, third, keyers, AT, look(''));
    expect(outcome.state === 'verified' && outcome.values).toEqual({ ...first, ssid: '' });
    if (outcome.state !== 'verified') return;
    expect(verificationProblems({ ...blankFields(), ...outcome.values } as ConfirmedApplication, outcome.verification)).toEqual([]);
  });

  it('never changes a field two keyings agreed on or the paper settled, whatever the looks say', () => {
    const name = fc.constantFrom('Ana', 'Anna', 'Ann', '');
    fc.assert(fc.property(name, fc.option(name, { nil: undefined }), fc.option(name, { nil: undefined }), (b, c, reading) => {
      const byLook = { by: 'u-cruz', at: AT };
      const looks: SecondLooks = { ssid: { reading: '9123456780', ...byLook }, ...(reading === undefined ? {} : { firstName: { reading, ...byLook } }) };
      const outcome = verifySheet(first, { ...second, firstName: b }, { ...third, ...(c === undefined ? {} : { firstName: c }) }, keyers, AT, looks);
      const before = settleField('firstName', first.firstName, b, c);
      if (before.state !== 'agreed' && before.state !== 'settled') return;
      expect(outcome.state === 'verified' && outcome.values.firstName).toBe(before.value);
      expect(outcome.state === 'verified' && outcome.verification.fields.find((f) => f.field === 'firstName')?.secondLook).toBeUndefined();
    }));
  });
});

// Each test verifies its own sheet rather than sharing one made while the suite
// is collected: mutation testing plants its bug only inside a test.
describe('stillVouches', () => {
  it.each<[string, Partial<VerifiedValues>, boolean]>([
    ['the same values', {}, true],
    ['the SSID with dashes', { ssid: '912-345-6780' }, true],
    ['another SSID', { ssid: '9123456781' }, false],
    ['another last name', { lastName: 'Reyez' }, false],
  ])('%s', (_label, change, expected) => {
    const outcome = verifySheet(first, first, {}, keyers, AT);
    if (outcome.state !== 'verified') throw new Error(`not verified: ${outcome.state}`);
    expect(stillVouches({ ...first, ...change }, outcome.verification)).toBe(expected);
  });
});

describe('a sheet whose batch verifies fields the center added', () => {
  const verifiedSet = verifiedFieldsOf(['phone', 'guardianName']);
  const firstPlus: VerifiedValues = { ...first, phone: '408 555 0142', guardianName: 'Rosa Reyes' };

  it('asks the paper for an added field that differs, like one of the four, and the verification carries it', () => {
    const asked = verifySheet(firstPlus, { ...firstPlus, guardianName: 'Rosa Reyez' }, {}, keyers, AT, {}, verifiedSet);
    expect(asked).toEqual({ state: 'needs_third', fields: ['guardianName'] });
    const outcome = verifySheet(firstPlus, { ...firstPlus, guardianName: 'Rosa Reyez' }, { guardianName: 'Rosa Reyes' }, keyers, AT, {}, verifiedSet);
    expect(outcome.state).toBe('verified');
    if (outcome.state !== 'verified') return;
    expect(outcome.verification.fields.map((f) => f.field)).toEqual(verifiedSet);
    const app = { ...blankFields(), ...firstPlus, ...outcome.values } as ConfirmedApplication;
    expect(verificationProblems(app, outcome.verification)).toEqual([]);
  });

  it('settles any set of verified fields the same whichever keyer typed which values', () => {
    const value = fc.constantFrom('4085550142', '4085550124', 'Rosa', 'Rosa Reyes', '');
    const keyings = fc.record({ a: value, b: value, c: fc.option(value, { nil: undefined }) });
    fc.assert(fc.property(fc.subarray([...ADDABLE_VERIFIED_FIELDS]), fc.array(keyings, { minLength: 5, maxLength: 5 }), (additions, typed) => {
      const set = verifiedFieldsOf(additions);
      const one: VerifiedValues = { ...first };
      const other: VerifiedValues = { ...first };
      const third: Partial<VerifiedValues> = {};
      additions.forEach((field, i) => {
        const { a, b, c } = typed[i]!;
        one[field] = a;
        other[field] = b;
        if (c !== undefined) third[field] = c;
      });
      const forward = verifySheet(one, other, third, keyers, AT, {}, set);
      const backward = verifySheet(other, one, third, keyers, AT, {}, set);
      if (forward.state === 'verified' && backward.state === 'verified') {
        expect(forward.values).toEqual(backward.values);
        expect(forward.verification.fields.map((f) => f.field)).toEqual(set);
      } else expect(forward).toEqual(backward);
    }));
  });
});
