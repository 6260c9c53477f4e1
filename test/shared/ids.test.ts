import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UUID_PATTERN, uuidv7 } from '../../src/shared/ids';

describe('uuidv7', () => {
  it('makes RFC 9562 version 7 ids', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('property: ids made later sort after ids made earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 10_000 }), (t, dt) => {
        expect(uuidv7(t) < uuidv7(t + dt)).toBe(true);
      }),
    );
  });

  it('never repeats among many ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(5000);
  });
});
