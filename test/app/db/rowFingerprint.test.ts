import { describe, expect, it } from 'vitest';
import { rowFingerprint } from '../../../src/app/db/rowFingerprint';

describe('a stored row’s fingerprint', () => {
  it.each([
    ['a number and its digits as text', { n: 1 }, { n: '1' }],
    ['null and undefined', { n: null }, { n: undefined }],
    ['NaN and null', { n: Number.NaN }, { n: null }],
    ['0 and -0', { n: 0 }, { n: -0 }],
    ['true and "t"', { n: true }, { n: 't' }],
    ['a missing column and an undefined one', {}, { n: undefined }],
    ['nested values', { a: { b: [1, 2] } }, { a: { b: [1, '2'] } }],
    ['a string holding the other’s fingerprint', { a: 'x', b: 'y' }, { a: 'x","b":"y' }],
  ])('tells apart %s', (_what, one, other) => {
    expect(rowFingerprint(one)).not.toBe(rowFingerprint(other));
  });

  it('is the same for the same values', () => {
    expect(rowFingerprint({ id: 'a', sealed: { v: 1, iv: 'xyz' }, tags: ['x'] })).toBe(rowFingerprint({ id: 'a', sealed: { v: 1, iv: 'xyz' }, tags: ['x'] }));
  });

  it('has none for a row holding more than plain data, which is then opened every time', () => {
    expect(rowFingerprint({ at: new Date(0) })).toBeNull();
    expect(rowFingerprint({ bytes: new Uint8Array(2) })).toBeNull();
    expect(rowFingerprint({ n: 1n })).toBeNull();
    // eslint-disable-next-line no-sparse-arrays
    expect(rowFingerprint({ list: [1, , 3] })).toBeNull();
  });
});
