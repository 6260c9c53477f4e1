import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleField } from '../../src/shared/verification';

const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });
const anyKeying = fc.oneof(digits, fc.string({ maxLength: 12 }));

describe('settleField', () => {
  it.each([
    ['two equal keyings stand', 'ssid', '1234567890', '1234567890', undefined, { state: 'agreed', value: '1234567890' }],
    ['spaces and dashes in an SSID are no disagreement', 'ssid', '123-456 7890', '1234567890', undefined, { state: 'agreed', value: '1234567890' }],
    ['white space around a name is no disagreement', 'lastName', '  de la  Cruz ', 'de la Cruz', undefined, { state: 'agreed', value: 'de la Cruz' }],
    ['case in a name is a disagreement for the paper to settle', 'lastName', 'McDonald', 'Mcdonald', undefined, { state: 'needs_third' }],
    ['an accent is a disagreement for the paper to settle', 'lastName', 'Ramírez', 'Ramirez', undefined, { state: 'needs_third' }],
    ['a third keying agreeing with the second settles it', 'ssid', '1234567890', '1234567809', '1234567809', { state: 'settled', value: '1234567809' }],
    ['a third keying agreeing with the first settles it', 'ssid', '1234567890', '1234567809', '1234567890', { state: 'settled', value: '1234567890' }],
    ['a third keying agreeing with neither needs a second look', 'ssid', '1234567890', '1234567809', '1234567800',
      { state: 'second_look', values: ['1234567809', '1234567890', '1234567800'] }],
  ] as const)('%s', (_name, field, first, second, third, expected) => {
    expect(settleField(field, first, second, third)).toEqual(expected);
  });

  it('is order independent in the first two keyings', () => {
    fc.assert(fc.property(anyKeying, anyKeying, fc.option(anyKeying, { nil: undefined }), (a, b, c) => {
      expect(settleField('ssid', a, b, c)).toEqual(settleField('ssid', b, a, c));
    }));
  });

  it('never changes a value the two keyings agreed on, whatever the third says', () => {
    fc.assert(fc.property(digits, anyKeying, (agreed, third) => {
      expect(settleField('ssid', agreed, agreed, third)).toEqual({ state: 'agreed', value: agreed });
    }));
  });

  it('never settles on a value that neither of two differing keyings nor the third had', () => {
    fc.assert(fc.property(digits, digits, digits, (a, b, c) => {
      const verdict = settleField('ssid', a, b, c);
      if (verdict.state === 'settled') expect([a, b]).toContain(verdict.value);
      if (verdict.state === 'settled') expect(verdict.value).toBe(c);
    }));
  });

  it.each([
    ['a reading that agrees with one of the three stands', 'ssid', { reading: '1234567809' }, { state: 'resolved', value: '1234567809' }],
    ['a reading agreeing with the third stands (the third was right, a keyer slipped)', 'ssid', { reading: '123-456-7800' }, { state: 'resolved', value: '1234567800' }],
    ['a reading that agrees with none is asked again', 'ssid', { reading: '1234567000' },
      { state: 'second_look', values: ['1234567809', '1234567890', '1234567800'], readAgain: true }],
    ['a reading that agrees with none, typed again alike, stands', 'ssid', { reading: '1234567000', again: '1234567000' }, { state: 'resolved', value: '1234567000' }],
    ['a reading that agrees with none, typed again otherwise, is asked again', 'ssid', { reading: '1234567000', again: '1234567001' },
      { state: 'second_look', values: ['1234567809', '1234567890', '1234567800'], readAgain: true }],
    ['an SSID read as blank stands blank: it is asked of the school', 'ssid', { reading: ' ' }, { state: 'resolved', value: '' }],
  ] as const)('at a second look, %s', (_name, field, look, expected) => {
    expect(settleField(field, '1234567890', '1234567809', '1234567800', look)).toEqual(expected);
  });

  it('at a second look, asks a name read as blank again: the paper must give it', () => {
    expect(settleField('lastName', 'Nguyen', 'Nguen', 'Ngyuen', { reading: '' })).toMatchObject({ state: 'second_look', readAgain: true });
  });

  it('never lets a look change a value two keyings agreed on or the paper settled', () => {
    const look = fc.record({ reading: anyKeying, again: fc.option(anyKeying, { nil: undefined }) });
    fc.assert(fc.property(digits, digits, fc.option(digits, { nil: undefined }), look, (a, b, c, l) => {
      const before = settleField('ssid', a, b, c);
      if (before.state !== 'second_look') expect(settleField('ssid', a, b, c, l)).toEqual(before);
    }));
  });

  it('resolves a second look only to one of the three values, the reading typed twice alike, or a blank SSID', () => {
    fc.assert(fc.property(digits, digits, digits, digits, fc.option(digits, { nil: undefined }), (a, b, c, reading, again) => {
      const verdict = settleField('ssid', a, b, c, { reading, again });
      if (verdict.state === 'resolved') expect([a, b, c].includes(verdict.value) || again === reading).toBe(true);
    }));
  });
});
