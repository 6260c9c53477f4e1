import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, foldName, isOneTypoApart, nameKey, nameTokens, normalizeName } from '../../src/shared/names';

describe('normalizeName', () => {
  it.each([
    ['García-López', 'garcia-lopez'],
    ['  GARCIA   -  LOPEZ ', 'garcia-lopez'],
    ['García–López', 'garcia-lopez'],
    ['O’Brien', "o'brien"],
    ['Oʼbrien', "o'brien"],
    ['Zoë Ångström', 'zoe angstrom'],
    ['Strauß', 'strauss'],
    ['Łukasz', 'lukasz'],
    ['Ｍａｒｉａ', 'maria'],
    ['İlker', 'ilker'],
    ['Nguyễn Thị', 'nguyen thi'],
    ['Maria\u00A0Elena', 'maria elena'],
    ['Garcia -Lopez', 'garcia-lopez'],
    ['Garcia- Lopez', 'garcia-lopez'],
    ['Ἀθηνᾷ', 'αθηνα'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('property: folding twice is the same as folding once', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (name) => {
      expect(normalizeName(normalizeName(name))).toBe(normalizeName(name));
    }));
  });

  it('property: accents and case never change the key of a Latin name', () => {
    const accented: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç' };
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,12}( [a-z]{1,12})?$/), (name) => {
      const decorated = name.replace(/[aeiounc]/g, (ch) => accented[ch] ?? ch).toUpperCase();
      expect(nameKey(decorated)).toBe(nameKey(name));
    }));
  });
});

describe('nameTokens and nameKey', () => {
  it.each([
    ['García-López', ['garcia', 'lopez'], 'garcialopez'],
    ['Garcia Lopez', ['garcia', 'lopez'], 'garcialopez'],
    ['GarciaLopez', ['garcialopez'], 'garcialopez'],
    ["O'Brien", ['obrien'], 'obrien'],
    ['De La Cruz', ['de', 'la', 'cruz'], 'delacruz'],
    ['St. John', ['st', 'john'], 'stjohn'],
    ['Smith Jr.', ['smith'], 'smith'],
    ['King III', ['king'], 'king'],
    ['Jr', ['jr'], 'jr'],
    ['Св. Иван', ['св', 'иван'], 'свиван'],
    ['', [], ''],
  ])('reads %j as words %j and key %j', (input, tokens, key) => {
    expect(nameTokens(input)).toEqual(tokens);
    expect(nameKey(input)).toBe(key);
  });

  it('keeps the words of each box apart and joins first and middle into the given name', () => {
    const folded = foldName({ firstName: 'María', middleName: 'Elena', lastName: 'García-López' });
    expect(folded).toMatchObject({ firstKey: 'maria', middleKey: 'elena', givenKey: 'mariaelena', lastKey: 'garcialopez' });
    expect(foldName({ firstName: 'Maria Elena', middleName: 'Luis Miguel', lastName: 'Garcia Lopez' })).toMatchObject({
      firstKey: 'mariaelena', middleKey: 'luismiguel', givenKey: 'mariaelenaluismiguel',
    });
    expect(foldName({ firstName: 'Maria', lastName: 'Garcia' })).toMatchObject({ middle: [], middleKey: '', givenKey: 'maria' });
  });
});

describe('editDistance', () => {
  it.each([
    ['maria', 'maria', 0],
    ['maria', 'mara', 1],
    ['maria', 'mariah', 1],
    ['maria', 'marla', 1],
    ['maria', 'maira', 1],
    ['jose', 'joes', 1],
    ['sofia', 'sophia', 2],
    ['abc', 'cab', 2],
    ['', 'ab', 2],
    ['xxab', 'yyba', 3],
  ])('counts %j -> %j as %d edits', (a, b, expected) => {
    expect(editDistance(a, b, 5)).toBe(expected);
  });

  it('stops at the bound and says "more than the bound"', () => {
    expect(editDistance('alexander', 'bob', 1)).toBe(2);
    expect(editDistance('kimberly', 'kimball', 2)).toBe(3);
    // Every row stays within the bound here; only the last letters run over it.
    expect(editDistance('ab', 'bca', 1)).toBe(2);
  });

  it('property: symmetric, zero only for equal strings, and a single swap costs one', () => {
    const word = fc.stringMatching(/^[a-z]{0,10}$/);
    fc.assert(fc.property(word, word, (a, b) => {
      expect(editDistance(a, b, 20)).toBe(editDistance(b, a, 20));
      expect(editDistance(a, b, 20) === 0).toBe(a === b);
    }));
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{2,10}$/), fc.nat(), (a, at) => {
      const i = at % (a.length - 1);
      const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
      expect(editDistance(a, swapped, 3)).toBe(swapped === a ? 0 : 1);
    }));
  });
});

describe('isOneTypoApart', () => {
  it.each([
    ['aaliyah', 'aliyah', true],
    ['jose', 'joes', true],
    ['smith', 'smyth', true],
    ['smith', 'smith', false],
    ['al', 'ali', false],
    ['ana', 'anna', true],
    ['kai', 'kay', true],
    ['sofia', 'sophia', false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(isOneTypoApart(a, b)).toBe(expected);
  });
});
