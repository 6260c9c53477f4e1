/**
 * Searching the local roster in memory, offline: by name (accents, case and
 * hyphens and apostrophes ignored, as everywhere: src/shared/search.ts), school, grade, School Student ID, or SSID (the last four
 * digits, or a whole SSID compared by its hash: the roster never holds one).
 */
import { searchHaystack, searchWords } from '../../../shared/search';
import type { LocalRosterEntry } from '../../db/schema';
import { compareRosterPlaces } from '../../../shared/roster-order';
import { normalizeSsid } from '../../../shared/ssid';

/** One searchable student. */
export interface RosterSearchEntry {
  entry: LocalRosterEntry;
  schoolName: string;
  /** Folded names, school and School Student ID, one per line. */
  haystack: string;
}

/** Builds the entries once per roster load, in the roster's order (by last then first name). */
export function buildRosterIndex(entries: readonly LocalRosterEntry[], schoolNames: ReadonlyMap<string, string>): RosterSearchEntry[] {
  const sorted = [...entries].sort(compareRosterPlaces);
  return sorted.map((entry) => {
    const schoolName = schoolNames.get(entry.schoolId) ?? '';
    const haystack = searchHaystack([
      entry.firstName, entry.lastName, `${entry.firstName} ${entry.lastName}`, `${entry.lastName}, ${entry.firstName}`,
      schoolName, entry.schoolStudentId,
    ]);
    return { entry, schoolName, haystack };
  });
}

/** A word of the query, read as what it can only be. */
type Word =
  | { kind: 'grade'; grade: string }
  | { kind: 'ssid'; digits: string }
  | { kind: 'text'; text: string };

/** "grade 7", "gr7", "7th" and "k" read as grades; 4 or 10 digits as an SSID; anything else as text. */
export function readQuery(query: string): Word[] {
  const words: Word[] = [];
  const raw = searchWords(query);
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i]!;
    const next = raw[i + 1];
    if ((word === 'grade' || word === 'gr') && next !== undefined && /^(k|\d{1,2})$/.test(next)) {
      words.push({ kind: 'grade', grade: next === 'k' ? 'K' : String(Number(next)) });
      i++;
    } else if (/^(gr|grade)?(\d{1,2})(st|nd|rd|th)?$/.test(word) && Number(word.replace(/\D/g, '')) <= 12) {
      words.push({ kind: 'grade', grade: String(Number(word.replace(/\D/g, ''))) });
    } else if (/^[\d-]+$/.test(word) && [4, 10].includes(normalizeSsid(word).length)) {
      words.push({ kind: 'ssid', digits: normalizeSsid(word) });
    } else {
      words.push({ kind: 'text', text: word });
    }
  }
  return words;
}

/** The whole SSIDs in a query (10 digits), which the caller hashes to compare with the roster. */
export function wholeSsidsIn(query: string): string[] {
  return readQuery(query).flatMap((w) => (w.kind === 'ssid' && w.digits.length === 10 ? [w.digits] : []));
}

function matchesWord(e: RosterSearchEntry, word: Word, hashes: ReadonlyMap<string, string>): boolean {
  switch (word.kind) {
    case 'grade':
      return e.entry.grade === word.grade;
    case 'ssid':
      if (word.digits.length === 4) return e.entry.ssidLast4 === word.digits || e.haystack.includes(word.digits);
      return e.entry.ssidHash !== null && e.entry.ssidHash === hashes.get(word.digits);
    case 'text':
      return e.haystack.includes(word.text);
  }
}

/**
 * Entries matching every word of the query, in the index's order. `hashes`
 * maps each whole SSID in the query to its roster hash (see wholeSsidsIn).
 */
export function searchRoster(entries: readonly RosterSearchEntry[], query: string, hashes: ReadonlyMap<string, string> = new Map()): RosterSearchEntry[] {
  const words = readQuery(query);
  return words.length === 0 ? entries.slice() : entries.filter((e) => words.every((w) => matchesWord(e, w, hashes)));
}
