/**
 * How alike two people's names are, in an advisor's words: the name half of
 * matching a school's return row to a rostered student (design section 9).
 * Birth dates and School Student IDs are weighed in matching.ts.
 */
import type { Issue } from './ssid';
import { isOneTypoApart, type FoldedName } from './names';

/** Verdict on two names: the same, probably the same (with why), or different. */
export type NameMatch =
  | { level: 'exact'; notes: Issue[] }
  | { level: 'probable'; reasons: Issue[] }
  | { level: 'none' };

type GivenRelation = 'same' | 'columns' | 'middle_missing' | 'middle_differs' | 'typo' | 'none';
type LastRelation = 'same' | 'part' | 'typo' | 'none';

const REASONS = {
  columns: { code: 'middle_in_first_column', message: 'The middle name is written in the first-name column.' },
  middle_missing: {
    code: 'middle_name_missing',
    message: 'One side has a second given name that the other does not (e.g. “Maria Elena” and “Maria”).',
  },
  middle_differs: { code: 'middle_name_differs', message: 'The middle names differ.' },
  first_typo: { code: 'first_name_typo', message: 'The first names differ by one letter.' },
  last_part: { code: 'last_name_part', message: 'Only one part of a two-part last name matches.' },
  last_typo: { code: 'last_name_typo', message: 'The last names differ by one letter.' },
  swapped: { code: 'names_swapped', message: 'The first and last names are swapped.' },
} satisfies Record<string, Issue>;

/** A lone letter stands for any word it begins ("E" for "Elena"). */
function wordsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * True when the shorter list is a start of the longer one, word by word. A first
 * name must be spelt out; later words may be initials unless `initialFirst`.
 */
function startsAlike(a: string[], b: string[], initialFirst = false): boolean {
  const n = Math.min(a.length, b.length);
  if (n === 0 || (!initialFirst && a[0] !== b[0])) return false;
  for (let i = 0; i < n; i++) if (!wordsAgree(a[i] ?? '', b[i] ?? '')) return false;
  return true;
}

function givenRelation(a: FoldedName, b: FoldedName): GivenRelation {
  if (a.firstKey === b.firstKey && a.firstKey !== '') {
    // A middle name missing on one side is normal: many school exports have no middle column.
    if (a.middleKey === '' || b.middleKey === '' || startsAlike(a.middle, b.middle, true)) return 'same';
    return 'middle_differs';
  }
  const aGiven = [...a.first, ...a.middle];
  const bGiven = [...b.first, ...b.middle];
  if (startsAlike(aGiven, bGiven)) return aGiven.length === bGiven.length ? 'columns' : 'middle_missing';
  if (isOneTypoApart(a.firstKey, b.firstKey)) return 'typo';
  return 'none';
}

function lastRelation(a: FoldedName, b: FoldedName): LastRelation {
  if (a.lastKey === b.lastKey && a.lastKey !== '') return 'same';
  const [shorter, longer] = a.last.length <= b.last.length ? [a.last, b.last] : [b.last, a.last];
  // "Garcia" against "Garcia Lopez" (or "Lopez"): schools often keep only one surname.
  if (shorter.length > 0 && shorter.length < longer.length && shorter.every((word) => longer.includes(word))) {
    return 'part';
  }
  if (isOneTypoApart(a.lastKey, b.lastKey)) return 'typo';
  return 'none';
}

function isSwapped(a: FoldedName, b: FoldedName): boolean {
  if (a.lastKey === '' || b.lastKey === '') return false;
  const aFirstIsBLast = a.firstKey === b.lastKey || a.givenKey === b.lastKey;
  const aLastIsBFirst = a.lastKey === b.firstKey || a.lastKey === b.givenKey;
  return aFirstIsBLast && aLastIsBFirst;
}

/**
 * Compares the school's name with ours. Exact: the same words, whatever the
 * accents, case, punctuation or which box the middle name sits in. Probable: at
 * most one spelling difference (a one-letter typo), plus differences that are
 * about how names are recorded (a missing middle name, one part of a two-part
 * last name), or first and last swapped. Anything else: none.
 */
export function compareNames(school: FoldedName, ours: FoldedName): NameMatch {
  const given = givenRelation(school, ours);
  const last = lastRelation(school, ours);
  if ((given === 'same' || given === 'columns') && last === 'same') {
    return { level: 'exact', notes: given === 'columns' ? [REASONS.columns] : [] };
  }
  const typos = (given === 'typo' ? 1 : 0) + (last === 'typo' ? 1 : 0);
  if (given !== 'none' && last !== 'none' && typos <= 1) {
    const reasons: Issue[] = [];
    if (given === 'columns') reasons.push(REASONS.columns);
    if (given === 'middle_missing') reasons.push(REASONS.middle_missing);
    if (given === 'middle_differs') reasons.push(REASONS.middle_differs);
    if (given === 'typo') reasons.push(REASONS.first_typo);
    if (last === 'part') reasons.push(REASONS.last_part);
    if (last === 'typo') reasons.push(REASONS.last_typo);
    return { level: 'probable', reasons };
  }
  if (isSwapped(school, ours)) return { level: 'probable', reasons: [REASONS.swapped] };
  return { level: 'none' };
}

/**
 * True when the names are a small step apart even if compareNames says none:
 * one name shared exactly (a nickname, a changed last name), or a typo in both.
 * Enough alongside a matching School Student ID and birth date.
 */
export function isSmallNameDifference(a: FoldedName, b: FoldedName): boolean {
  // One name the same and the other a typo apart is already sharesAName.
  return sharesAName(a, b) || (isOneTypoApart(a.firstKey, b.firstKey) && isOneTypoApart(a.lastKey, b.lastKey));
}

/** True when the names share a last name, or a first name, exactly: worth showing as a near miss. */
export function sharesAName(a: FoldedName, b: FoldedName): boolean {
  return (a.lastKey !== '' && a.lastKey === b.lastKey) || (a.firstKey !== '' && a.firstKey === b.firstKey);
}
