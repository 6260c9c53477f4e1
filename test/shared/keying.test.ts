import { describe, expect, it } from 'vitest';
import { GRADES, PARENT_EDUCATION } from '../../src/shared/application';
import { isFieldFull, optionForKey } from '../../src/shared/keying';

describe('a fixed-length field is full', () => {
  it.each([
    ['ssid', '2038475610', true],
    ['ssid', '203-847-5610', true],
    ['ssid', '203847561', false],
    ['ssid', '20384X5610', false],
    ['zip', '94110', true],
    ['zip', '9411', false],
    ['tel', '(415) 555-0142', true],
    ['tel', '4155550142', true],
    ['tel', '1415555014', false],
    ['date', '03152013', true],
    ['date', '3/15/2013', true],
    ['date', '2013-03-15', true],
    // Any typed form the date field reads with a four-digit year last moves on (3-15-2013 used to wait for Enter).
    ['date', '3-15-2013', true],
    ['date', '3.15.2013', true],
    ['date', '2013-3-15', true],
    ['date', '03/15/13', false],
    ['date', '0315201', false],
    ['date', '2013-03-1', false],
    ['date', '3/15/201', false],
    ['text', 'Maria', false],
  ] as const)('%s %j: %s', (kind, value, full) => {
    expect(isFieldFull(kind, value)).toBe(full);
  });
});

describe('an option chosen by one key', () => {
  const genders = ['Female', 'Male', 'Non-binary', 'Declined to state'];
  it('takes 1 to 9 by position, and a first letter when only one option starts with it', () => {
    expect(optionForKey(genders, '2')).toBe(1);
    expect(optionForKey(genders, 'n')).toBe(2);
    expect(optionForKey(genders, 'D')).toBe(3);
    expect(optionForKey(genders, '7')).toBeNull();
    expect(optionForKey(PARENT_EDUCATION, 'h')).toBe(1);
  });

  it('reads a digit as the grade itself, and leaves an ambiguous key to the browser', () => {
    expect(optionForKey(GRADES, '8')).toBe(GRADES.indexOf('8'));
    expect(optionForKey(GRADES, 'k')).toBe(0);
    expect(optionForKey(GRADES, '1')).toBeNull();
    expect(optionForKey(['Student wrote it', 'School records'], 's')).toBeNull();
  });
});
