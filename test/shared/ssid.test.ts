import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSsid, isPlaceholderSsid, maskSsid, normalizeSsid } from '../../src/shared/ssid';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const tenDigits = fc.stringMatching(/^\d{10}$/);

describe('checkSsid', () => {
  it.each([
    ['', 'ssid_empty', 'Enter the 10-digit CA SSID.'],
    ['123456789', 'ssid_too_short', '9 digits: one is missing. A CA SSID has 10.'],
    ['12345678', 'ssid_too_short', '8 digits: 2 are missing. A CA SSID has 10.'],
    ['7', 'ssid_too_short', '1 digit: 9 are missing. A CA SSID has 10.'],
    ['12345678901', 'ssid_too_long', '11 digits: one too many. A CA SSID has 10.'],
    ['123456789012', 'ssid_too_long', '12 digits: 2 too many. A CA SSID has 10.'],
    ['123456X890', 'ssid_has_letter', 'Contains a letter: this looks like a School Student ID. A CA SSID is 10 digits only.'],
    ['1234567/90', 'ssid_bad_character', 'Contains “/”: a CA SSID is digits only.'],
  ])('refuses %j with %s and says why', (input, code, message) => {
    const result = checkSsid(input);
    expect(result.value).toBeNull();
    expect(result.errors).toEqual([{ code, message }]);
  });

  it('accepts ten digits and strips the spaces and dashes people write, saying so', () => {
    const result = checkSsid(' 1234-567 890 ');
    expect(result.value).toBe('1234567890');
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([{ code: 'ssid_normalized', message: 'Spaces and dashes were removed.' }]);
  });

  it('says nothing was changed when the advisor typed just the digits', () => {
    expect(checkSsid('4821937560').notes).toEqual([]);
  });

  it('finds nothing at all to say about a real-looking number nobody else holds', () => {
    expect(checkSsid('4821937560', { localId: '88412', takenBy: null })).toEqual({ value: '4821937560', errors: [], warnings: [], notes: [] });
  });

  it('does not announce the spaces a tab or a paste leaves around the number', () => {
    expect(checkSsid('  4821937560\t')).toEqual({ value: '4821937560', errors: [], warnings: [], notes: [] });
  });

  it('warns when the SSID is the School Student ID, even when that is also invalid', () => {
    expect(checkSsid('4821937560', { localId: '4821-937560' }).warnings).toEqual([
      { code: 'ssid_equals_local_id', message: 'Same as the School Student ID: check that this is the CA SSID and not the school’s own number.' },
    ]);
    const lausdStyle = checkSsid('123456X890', { localId: '123456X890' });
    expect(codes(lausdStyle.errors)).toEqual(['ssid_has_letter']);
    expect(codes(lausdStyle.warnings)).toEqual(['ssid_equals_local_id']);
  });

  it.each(['0000000000', '1111111111', '0123456789', '1234567890'])('warns that %s looks like a placeholder', (ssid) => {
    const result = checkSsid(ssid);
    expect(result.value).toBe(ssid);
    expect(result.warnings).toEqual([
      { code: 'ssid_placeholder', message: 'This looks like a placeholder, not a real CA SSID. Leave it blank if the student does not know it.' },
    ]);
  });

  it('warns, naming the other record, when the SSID is already used', () => {
    const result = checkSsid('4821937560', { takenBy: 'Ana Ruiz (draft in this batch)' });
    expect(result.value).toBe('4821937560');
    expect(result.warnings.find((w) => w.code === 'ssid_taken')?.message).toContain('Ana Ruiz (draft in this batch)');
  });

  it('property: any 10 digits, with separators sprinkled in, normalize to the same value', () => {
    fc.assert(
      fc.property(tenDigits, fc.array(fc.constantFrom(' ', '-'), { maxLength: 4 }), fc.nat(), (digits, seps, at) => {
        const pos = at % 11;
        const typed = digits.slice(0, pos) + seps.join('') + digits.slice(pos);
        const result = checkSsid(typed);
        expect(result.value).toBe(digits);
        expect(result.errors).toEqual([]);
      }),
    );
  });

  it('property: dropping or adding a digit is always caught with the count of digits', () => {
    fc.assert(
      fc.property(tenDigits, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (digits, at, extra) => {
        const dropped = digits.slice(0, at) + digits.slice(at + 1);
        expect(checkSsid(dropped).errors[0]?.message).toMatch(/^9 digits: one is missing/);
        const added = digits.slice(0, at) + String(extra) + digits.slice(at);
        expect(checkSsid(added).errors[0]?.message).toMatch(/^11 digits: one too many/);
      }),
    );
  });

  it('property: a value is returned exactly when there is no error, and it is always 10 digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (input) => {
        const result = checkSsid(input);
        expect(result.value === null).toBe(result.errors.length > 0);
        if (result.value !== null) expect(result.value).toMatch(/^\d{10}$/);
      }),
    );
  });
});

describe('SSID helpers', () => {
  it('masks all but the last four digits for lists', () => {
    expect(maskSsid('4821937560')).toBe('••••••7560');
  });

  it('shows a value of four characters or fewer as it is: there is nothing to hide behind', () => {
    expect(maskSsid('7560')).toBe('7560');
    expect(maskSsid('75601')).toBe('••••••5601');
  });

  it('normalizes only separators, never other characters', () => {
    expect(normalizeSsid('12 34-5x')).toBe('12345x');
  });

  it('does not call a real-looking number a placeholder', () => {
    expect(isPlaceholderSsid('4821937560')).toBe(false);
  });
});
