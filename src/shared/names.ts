/**
 * Name folding for matching a school's return against our roster (design section 9).
 *
 * Schools and advisors write the same name differently: "García-López" and
 * "GARCIA LOPEZ", "O’Brien" and "O'Brien", "Maria Elena" in one first-name box
 * or split over first and middle. Everything here is pure and locale-independent
 * so the tablet and the server fold a name the same way.
 */

/** Letters that Unicode decomposition leaves alone but people type without the mark. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/** Right single quote, modifier apostrophe, grave, acute, prime: all typed for "O'Brien". */
const APOSTROPHES = /[’‘ʼʻ`´′＇]/g;
/** Hyphen-minus, Unicode hyphens and dashes: all typed between two last names. */
const HYPHENS = /[‐‑‒–—―−﹘﹣－]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Generational suffixes that one system keeps in the last name and another drops. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Printable ASCII needs no Unicode folding: the common case, kept fast for district-sized files. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds a name for comparison: compatibility decomposition with the accents
 * stripped, lower case, one apostrophe and one hyphen character, single spaces,
 * no spaces around hyphens. Idempotent.
 */
export function normalizeName(input: string): string {
  // Lower case on both sides of the decomposition: "İ" only lowers to i plus a
  // combining dot, and compatibility forms like "ℌ" decompose to capitals.
  const folded = PLAIN_ASCII.test(input)
    ? input.toLowerCase()
    : input
        .toLowerCase()
        .normalize('NFKD')
        .replace(COMBINING_MARKS, '')
        .toLowerCase()
        .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter] ?? letter);
  return folded
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .trim();
}

/**
 * The one fold for searching and matching (records, students, school returns):
 * accents and case as normalizeName, apostrophes dropped and hyphens read as
 * spaces, so "O’Brien-Núñez", "obrien nunez" and "O'BRIEN NUNEZ" are all "obrien nunez".
 */
export function searchFold(input: string): string {
  return normalizeName(input).replace(/'/g, '').replace(/-/g, ' ');
}

/**
 * The words of a name: split on spaces and hyphens, with apostrophes, periods
 * and commas dropped ("O'Brien" -> "obrien", "St. John" -> "st", "john") and a
 * trailing Jr/Sr/II/III/IV dropped when other words remain.
 */
export function nameTokens(input: string): string[] {
  const folded = searchFold(input);
  const notWordChar = PLAIN_ASCII.test(folded) ? /[^a-z0-9]/g : /[^\p{L}\p{N}]/gu;
  const tokens = folded
    .split(' ')
    .map((token) => token.replace(notWordChar, ''))
    .filter((token) => token !== '');
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens;
}

/**
 * One comparable string for a name: its words run together, so "García-López",
 * "Garcia Lopez" and "GarciaLopez" share the key "garcialopez".
 */
export function nameKey(input: string): string {
  return nameTokens(input).join('');
}

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance between a
 * and b: insertions, deletions, substitutions and swaps of two adjacent letters
 * each cost one. Bounded: returns `max + 1` as soon as the distance must exceed
 * `max`, so comparing a name against a candidate costs O(length * max).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows suffice: a swap looks back two rows.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? max + 1;
  return distance > max ? max + 1 : distance;
}

/** True when the two name keys differ by exactly one typo (a letter added, dropped, changed or two swapped). */
export function isOneTypoApart(a: string, b: string): boolean {
  // Two-letter names are too short for a typo to be told from a different name.
  if (a === b || Math.min(a.length, b.length) < 3) return false;
  return editDistance(a, b, 1) === 1;
}

/** A person's name as written in two or three boxes. */
export interface PersonName {
  firstName: string;
  middleName?: string;
  lastName: string;
}

/** A name folded once, so a roster of thousands is not re-folded for every row. */
export interface FoldedName {
  /** Words of the first-name box. */
  first: string[];
  /** Words of the middle-name box. */
  middle: string[];
  /** Words of the last-name box. */
  last: string[];
  firstKey: string;
  middleKey: string;
  lastKey: string;
  /** First and middle words together: "Maria Elena" whichever boxes it was written in. */
  givenKey: string;
}

/** Folds a person's name once for repeated comparison. */
export function foldName(name: PersonName): FoldedName {
  const first = nameTokens(name.firstName);
  const middle = nameTokens(name.middleName ?? '');
  const last = nameTokens(name.lastName);
  return {
    first,
    middle,
    last,
    firstKey: first.join(''),
    middleKey: middle.join(''),
    lastKey: last.join(''),
    givenKey: [...first, ...middle].join(''),
  };
}
