import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, GRADES, GUARDIAN_RELATIONSHIPS, HOME_LANGUAGES, PARENT_EDUCATION } from '../../src/shared/application';
import { continuesFieldLeft, isEnterStop, isFieldFull, isWholeWord, optionForKey } from '../../src/shared/keying';

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

describe('a field typed with one of its whole common values is full', () => {
  it.each([
    [HOME_LANGUAGES, 'Spanish', true],
    [HOME_LANGUAGES, 'english', true],
    [HOME_LANGUAGES, 'Span', false],
    [HOME_LANGUAGES, 'Spanish and English', false],
    [HOME_LANGUAGES, 'Quechua', false],
    [GUARDIAN_RELATIONSHIPS, 'Mother', true],
    [GUARDIAN_RELATIONSHIPS, 'Foster parent', true],
    [GUARDIAN_RELATIONSHIPS, 'Foster', false],
    [GUARDIAN_RELATIONSHIPS, 'Godmother', false],
    // "Other" comes with words after it on the paper: it waits for Enter.
    [GUARDIAN_RELATIONSHIPS, 'Other', false],
    [[], 'Mother', false],
    [['Aunt', 'Auntie'], 'Aunt', false],
    [['Aunt', 'Auntie'], 'Auntie', true],
    [HOME_LANGUAGES, '', false],
  ] as const)('%j %j: %s', (words, value, full) => {
    expect(isFieldFull('text', value, words)).toBe(full);
  });

  it('never moves on before the last letter of a listed word typed letter by letter', () => {
    const wordList = fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(wordList, fc.nat(), (words, pick) => {
        const word = words[pick % words.length]!;
        for (let end = 1; end < word.length; end++) {
          const prefix = word.slice(0, end);
          // A prefix that is itself listed and not extended by a longer word is that word, typed in full.
          if (prefix.trim().toLowerCase() !== word.trim().toLowerCase()) expect(isWholeWord(words, prefix)).toBe(false);
        }
      }),
    );
  });

  it('has no listed language or relationship that starts another, so each moves on when typed in full', () => {
    for (const words of [HOME_LANGUAGES, GUARDIAN_RELATIONSHIPS]) {
      for (const word of words) expect(isWholeWord(words, word)).toBe(true);
    }
  });
});

describe('where Enter stops', () => {
  const school = DEFAULT_FORM.find((d) => d.name === 'schoolId')!;
  const source = DEFAULT_FORM.find((d) => d.name === 'ssidSource')!;
  const grade = DEFAULT_FORM.find((d) => d.name === 'grade')!;
  it.each([
    ['the school the batch filled in', school, 'school-1', false],
    ['a school left blank', school, '', true],
    ['the SSID source the app filled in', source, 'student_form', false],
    ['an SSID source left blank', source, '', true],
    // A stack's grades differ from sheet to sheet: the carried grade keeps its stop, where the advisor checks it.
    ['a carried grade', grade, '8', true],
    ['a blank grade', grade, '', true],
  ] as const)('%s: %s', (_what, def, value, stops) => {
    expect(isEnterStop(def, value)).toBe(stops);
  });
});

describe('a key in the field reached by itself from a words field', () => {
  it.each([
    ['a space before anything is typed: "Spanish" goes on as "Spanish and English"', ' ', '', true],
    ['a letter: the next field\'s own value begins', 'M', '', false],
    ['Enter: the advisor moves on past the next field', 'Enter', '', false],
    ['a space after the next field has a value: a space inside that value', ' ', 'Maria', false],
  ] as const)('%s', (_what, key, typedHere, goesBack) => {
    expect(continuesFieldLeft(key, typedHere)).toBe(goesBack);
  });
});
