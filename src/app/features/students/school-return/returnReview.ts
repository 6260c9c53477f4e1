/**
 * How the import review groups a school's matched rows, and what "Accept all
 * exact" accepts. Pure: the hook holds the state, the screen draws it.
 *
 * A row lands in exactly one section, decided in this order: an invalid SSID
 * (listed with its reasons, never applicable), unmatched, ambiguous, nothing to
 * apply (no SSID given, the student already has it, another student holds it,
 * repeated in the file), differs from what the student wrote, probable, an
 * exact match with something to check, and last the plain exact matches.
 */
import type { RowMatch } from '../../../../shared/matching';
import type { ReturnRow } from '../../../../shared/school-return';

/** The review's sections, in the order the screen shows them. */
export const SECTIONS = [
  { key: 'differs', title: 'Differs from the SSID the student already has', hint: 'Decide against the paper and the school’s records which number is right; nothing here is applied unless you accept it.' },
  { key: 'probable', title: 'Probable matches', hint: 'Close but not exact: check each reason before accepting.' },
  { key: 'check', title: 'Exact matches with something to check', hint: '' },
  { key: 'ambiguous', title: 'Ambiguous: choose the student', hint: 'More than one student fits this row.' },
  { key: 'exact', title: 'Exact matches', hint: 'Same name and date of birth, nothing else to check.' },
  { key: 'invalid', title: 'Invalid SSIDs (never applied)', hint: 'Ask the school to check these numbers.' },
  { key: 'unmatched', title: 'Unmatched', hint: 'No student on the roster fits these rows.' },
  { key: 'nothing', title: 'Nothing to apply', hint: '' },
] as const;

/** One section's key. */
export type SectionKey = (typeof SECTIONS)[number]['key'];

const DIFFERS = new Set(['differs_from_paper', 'current_unverified']);

/** The one section a row belongs to. */
export function sectionOf(match: RowMatch<ReturnRow>): SectionKey {
  if (match.row.ssid.status === 'invalid') return 'invalid';
  if (match.kind === 'unmatched') return 'unmatched';
  if (match.kind === 'ambiguous') return match.row.ssid.status === 'valid' ? 'ambiguous' : 'nothing';
  if (!match.canApply) return 'nothing';
  if (match.flags.some((f) => DIFFERS.has(f.code))) return 'differs';
  if (match.kind === 'probable') return 'probable';
  return match.needsReview ? 'check' : 'exact';
}

/** The rows of each section, in file order. */
export function groupRows(matches: readonly RowMatch<ReturnRow>[]): Record<SectionKey, RowMatch<ReturnRow>[]> {
  const groups = Object.fromEntries(SECTIONS.map((s) => [s.key, [] as RowMatch<ReturnRow>[]])) as Record<SectionKey, RowMatch<ReturnRow>[]>;
  for (const match of matches) groups[sectionOf(match)].push(match);
  return groups;
}

/** Whether the advisor may accept this row at all (possibly after choosing a student). */
export function isAcceptable(match: RowMatch<ReturnRow>): boolean {
  const section = sectionOf(match);
  return section !== 'invalid' && section !== 'unmatched' && section !== 'nothing';
}

/** The accepted rows after "Accept all exact": every plain exact match added, other choices kept. */
export function acceptAllExact(matches: readonly RowMatch<ReturnRow>[], accepted: ReadonlyMap<number, string>): Map<number, string> {
  const next = new Map(accepted);
  for (const match of matches) {
    if (sectionOf(match) === 'exact' && match.studentId !== null) next.set(match.row.line, match.studentId);
  }
  return next;
}

/** The accepted rows with one row's choice set (a student id) or cleared (null: rejected). */
export function choose(accepted: ReadonlyMap<number, string>, line: number, studentId: string | null): Map<number, string> {
  const next = new Map(accepted);
  if (studentId === null) next.delete(line);
  else next.set(line, studentId);
  return next;
}
