/**
 * Matching a school's return rows to rostered students (design section 9) on
 * normalized name and date of birth, into exact, probable, ambiguous and
 * unmatched, each with its reasons in an advisor's words.
 *
 * Fast by construction: the roster is folded and indexed once (by birth date,
 * School Student ID and name), and each row is compared only with the few
 * students in its buckets, never with the whole roster.
 */
import { compareNames, isSmallNameDifference, sharesAName, type NameMatch } from './name-compare';
import { foldName, type FoldedName } from './names';
import { isOneSlipApart } from './dates';
import { applySsidChecks, resolveClaims } from './match-review';
import type { Issue } from './ssid';
import type {
  MatchableRow, MatchOptions, MatchSummary, PreparedStudent, RosterIndex, RosterStudent, RowMatch,
} from './match-types';

export type {
  MatchableRow, MatchKind, MatchOptions, MatchSummary, PreparedStudent, RosterIndex, RosterStudent, RowMatch,
} from './match-types';

/** A candidate student for one row and why. */
interface Candidate {
  prepared: PreparedStudent;
  level: 'exact' | 'probable';
  reasons: Issue[];
}

const REASON = {
  exact: { code: 'exact', message: 'Same name and date of birth.' },
  localIdDiffers: { code: 'local_id_differs', message: 'Same name and date of birth, but the School Student IDs differ.' },
  localIdNameDiffers: {
    code: 'local_id_name_differs',
    message: 'Same School Student ID and date of birth; the name is written a little differently.',
  },
  localIdDobDiffers: {
    code: 'local_id_dob_differs',
    message: 'Same name and School Student ID; the date of birth differs or is missing.',
  },
  dobSlip: {
    code: 'dob_slip',
    message: 'Same name; the dates of birth differ by one digit or have month and day swapped.',
  },
  namesake: {
    code: 'namesake_by_local_id',
    message: 'Another student has the same name and date of birth; the School Student ID tells them apart.',
  },
  manyExact: (n: number) => ({ code: 'ambiguous_exact', message: `${n} students have this name and date of birth.` }),
  manyProbable: (n: number) => ({ code: 'ambiguous_probable', message: `Could be any of ${n} students: choose one.` }),
  none: { code: 'no_match', message: 'No student with this name and date of birth.' },
  nearMiss: {
    code: 'near_miss',
    message: 'A student with the same date of birth shares a name: check for a nickname or a changed name.',
  },
} satisfies Record<string, Issue | ((n: number) => Issue)>;

/** School Student IDs compared without case, spaces, dashes or the leading zeros Excel drops. */
export function localIdKey(id: string | undefined): string {
  return (id ?? '').toUpperCase().replace(/[\s-]/g, '').replace(/^0+(?=.)/, '');
}

function nameIndexKey(name: FoldedName): string {
  return `${name.lastKey}|${name.firstKey}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Folds and indexes a roster once. */
export function indexRoster(roster: readonly RosterStudent[]): RosterIndex {
  const index: RosterIndex = {
    byId: new Map(), byDob: new Map(), byLocalId: new Map(), byName: new Map(), bySsid: new Map(), bySsidHash: new Map(),
  };
  for (const student of roster) {
    const prepared = { student, name: foldName(student), localKey: localIdKey(student.schoolStudentId) };
    index.byId.set(student.studentId, prepared);
    push(index.byDob, student.dateOfBirth, prepared);
    // Students without one are not indexed by it, so a row without one finds nobody there.
    if (prepared.localKey !== '') push(index.byLocalId, prepared.localKey, prepared);
    push(index.byName, nameIndexKey(prepared.name), prepared);
    if (student.currentSsid) index.bySsid.set(student.currentSsid, student.studentId);
    if (student.ssidHash) index.bySsidHash.set(student.ssidHash, student.studentId);
  }
  return index;
}

function fromName(prepared: PreparedStudent, verdict: NameMatch): Candidate | null {
  if (verdict.level === 'exact') return { prepared, level: 'exact', reasons: [REASON.exact, ...verdict.notes] };
  if (verdict.level === 'probable') return { prepared, level: 'probable', reasons: verdict.reasons };
  return null;
}

/** Every student this row could be, with how sure and why. */
function candidatesFor(row: MatchableRow, name: FoldedName, index: RosterIndex): Candidate[] {
  const found = new Map<string, Candidate>();
  const rowLocal = localIdKey(row.schoolStudentId);
  for (const prepared of row.dateOfBirth ? (index.byDob.get(row.dateOfBirth) ?? []) : []) {
    const candidate = fromName(prepared, compareNames(name, prepared.name));
    if (!candidate) continue;
    if (candidate.level === 'exact' && rowLocal !== '' && prepared.localKey !== '' && rowLocal !== prepared.localKey) {
      candidate.reasons = [REASON.localIdDiffers, ...candidate.reasons.slice(1)];
    }
    found.set(prepared.student.studentId, candidate);
  }
  // The school's own student number carries a row whose name or birth date differs a little.
  for (const prepared of index.byLocalId.get(rowLocal) ?? []) {
    if (found.has(prepared.student.studentId)) continue;
    const verdict = compareNames(name, prepared.name);
    if (prepared.student.dateOfBirth === row.dateOfBirth && (verdict.level !== 'none' || isSmallNameDifference(name, prepared.name))) {
      found.set(prepared.student.studentId, { prepared, level: 'probable', reasons: [REASON.localIdNameDiffers] });
    } else if (verdict.level === 'exact') {
      found.set(prepared.student.studentId, { prepared, level: 'probable', reasons: [REASON.localIdDobDiffers] });
    }
  }
  if (found.size === 0 && row.dateOfBirth) {
    for (const prepared of index.byName.get(nameIndexKey(name)) ?? []) {
      if (isOneSlipApart(row.dateOfBirth, prepared.student.dateOfBirth)) {
        found.set(prepared.student.studentId, { prepared, level: 'probable', reasons: [REASON.dobSlip] });
      }
    }
  }
  return [...found.values()];
}

function nearMisses(row: MatchableRow, name: FoldedName, index: RosterIndex): string[] {
  if (!row.dateOfBirth) return [];
  return (index.byDob.get(row.dateOfBirth) ?? [])
    .filter((prepared) => sharesAName(name, prepared.name))
    .map((prepared) => prepared.student.studentId);
}

/** Decides one row's kind from its candidates, before SSID checks and cross-row rules. */
function classify<R extends MatchableRow>(row: R, index: RosterIndex): RowMatch<R> {
  const name = foldName(row);
  const candidates = candidatesFor(row, name, index);
  const base = { row, studentId: null, candidates: [] as string[], flags: [], canApply: false, needsReview: true };
  const exact = candidates.filter((c) => c.level === 'exact');
  // Namesakes (same name and birth date) are told apart by the School Student ID when the file has it.
  const rowLocal = localIdKey(row.schoolStudentId);
  const byLocalId = exact.length > 1 && rowLocal !== '' ? exact.filter((c) => c.prepared.localKey === rowLocal) : [];
  const [namesake] = byLocalId;
  if (byLocalId.length === 1 && namesake) {
    return { ...base, kind: 'exact', studentId: namesake.prepared.student.studentId, reasons: [...namesake.reasons, REASON.namesake] };
  }
  const sure = exact.length > 0 ? exact : candidates;
  const [only] = sure;
  if (sure.length === 1 && only) {
    return { ...base, kind: only.level, studentId: only.prepared.student.studentId, reasons: only.reasons };
  }
  if (sure.length > 1) {
    const reason = exact.length > 0 ? REASON.manyExact(exact.length) : REASON.manyProbable(sure.length);
    return { ...base, kind: 'ambiguous', candidates: sure.map((c) => c.prepared.student.studentId), reasons: [reason] };
  }
  const reasons: Issue[] = [];
  if (!row.dateOfBirth) {
    reasons.push(row.dateProblem ?? { code: 'date_empty', message: 'No date of birth.' });
  } else {
    reasons.push(REASON.none);
  }
  const near = nearMisses(row, name, index);
  if (near.length > 0) reasons.push(REASON.nearMiss);
  return { ...base, kind: 'unmatched', candidates: near, reasons };
}

/**
 * Matches every row of a return against the roster (or a prepared index of it),
 * then applies the rules across rows (two rows claiming one student, one SSID
 * on two students) and the SSID checks (same as current, differs from paper,
 * taken by another student, invalid or blank).
 */
export function matchSchoolReturn<R extends MatchableRow>(
  rows: readonly R[],
  roster: readonly RosterStudent[] | RosterIndex,
  options: MatchOptions = {},
): { matches: RowMatch<R>[]; summary: MatchSummary } {
  const index = 'byDob' in roster ? roster : indexRoster(roster);
  const matches = resolveClaims(rows.map((row) => classify(row, index)));
  const checked = applySsidChecks(matches, index, options.ssidHashes ?? new Map());
  return { matches: checked, summary: summarize(checked) };
}

function summarize(matches: readonly RowMatch<MatchableRow>[]): MatchSummary {
  const summary: MatchSummary = {
    exact: 0, probable: 0, ambiguous: 0, unmatched: 0, invalidSsid: 0, blankSsid: 0, sameAsCurrent: 0, differsFromPaper: 0, ready: 0,
  };
  for (const match of matches) {
    summary[match.kind]++;
    if (match.row.ssid.status === 'invalid') summary.invalidSsid++;
    if (match.row.ssid.status === 'blank') summary.blankSsid++;
    if (match.flags.some((f) => f.code === 'same_as_current')) summary.sameAsCurrent++;
    if (match.flags.some((f) => f.code === 'differs_from_paper')) summary.differsFromPaper++;
    if (match.canApply && !match.needsReview) summary.ready++;
  }
  return summary;
}
