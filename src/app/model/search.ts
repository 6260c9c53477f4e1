/**
 * Records search, in memory: names and SSIDs may be encrypted at rest, so they
 * cannot be indexed in IndexedDB. A folded haystack is built once per load and
 * each query is a substring scan, fast enough for 10,000 records per keystroke.
 */
import type { LocalApplication } from '../db/schema';
import { searchHaystack, searchWords } from '../../shared/search';
import { normalizeSsid } from '../../shared/ssid';

/** One searchable record. */
export interface SearchEntry {
  record: LocalApplication;
  schoolName: string;
  haystack: string;
}

/** Builds the entries once per list of records. */
export function buildSearchIndex(records: readonly LocalApplication[], schoolNames: ReadonlyMap<string, string>): SearchEntry[] {
  return records.map((record) => {
    const f = record.fields;
    const schoolName = schoolNames.get(f.schoolId) ?? '';
    const haystack = searchHaystack([
      f.firstName, f.middleName, f.lastName, `${f.firstName} ${f.lastName}`, `${f.lastName}, ${f.firstName}`,
      normalizeSsid(f.ssid), f.schoolStudentId, schoolName,
    ]);
    return { record, schoolName, haystack };
  });
}

/** Entries matching every word of the query (names, SSID digits, school). */
export function searchRecords(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const words = searchWords(query);
  if (words.length === 0) return entries.slice();
  return entries.filter((e) => words.every((w) => e.haystack.includes(w)));
}
