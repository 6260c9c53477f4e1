/**
 * The rules that decide what accepting a matched row would do with its SSID
 * (design sections 3 and 9): nothing when the student already has it, a flag
 * for a decision when it differs from the one the student wrote, never when the
 * SSID is invalid, blank, or already another student's. And the turning of the
 * advisor's accepted rows into SSID updates with source `school_records`.
 */
import type { MatchableRow, RosterIndex, RowMatch } from './match-types';
import type { Issue } from './ssid';

/** One SSID to set on one student, from a school's return. */
export interface SsidUpdate {
  studentId: string;
  ssid: string;
  source: 'school_records';
  /** The row of the file it came from, for the audit trail. */
  line: number;
}

/** A row the advisor accepted that cannot become an update, and why. */
export interface RefusedRow {
  line: number;
  reason: Issue;
}

const FLAG = {
  invalid: (why: string) => ({ code: 'ssid_invalid', message: `Invalid SSID, never applied. ${why}`.trim() }),
  blank: { code: 'ssid_blank', message: 'The school gave no SSID for this student.' },
  same: { code: 'same_as_current', message: 'The student already has this SSID: nothing to do.' },
  differs: {
    code: 'differs_from_paper',
    message: 'The school’s SSID differs from the one the student already has (usually written on the paper form). Decide which is right.',
  },
  unverified: {
    code: 'current_unverified',
    message: 'The student already has an SSID ending in the same four digits; it could not be compared in full.',
  },
  taken: { code: 'ssid_taken', message: 'This SSID already belongs to another student. Resolve that first.' },
  repeated: { code: 'ssid_repeated_in_file', message: 'The file gives this SSID to more than one student: ask the school.' },
  duplicate: (line: number) => ({ code: 'duplicate_row', message: `Repeats line ${line}: same student and SSID.` }),
} satisfies Record<string, Issue | ((x: never) => Issue)>;

/** Flags that stop a row from being applied. */
const BLOCKING = new Set(['ssid_invalid', 'ssid_blank', 'same_as_current', 'ssid_taken', 'ssid_repeated_in_file', 'duplicate_row']);
/** Flags and reasons an advisor must see before an exact row is accepted. */
const NEEDS_A_LOOK = new Set([
  'differs_from_paper', 'current_unverified', 'ssid_placeholder', 'ssid_equals_local_id', 'local_id_differs', 'namesake_by_local_id',
]);

function ssidKey(row: MatchableRow): string {
  return row.ssid.value ?? row.ssid.raw;
}

function linesText(lines: number[]): string {
  return lines.length === 2 ? `Lines ${lines[0]} and ${lines[1]}` : `Lines ${lines.join(', ')}`;
}

/**
 * Two rows claiming one student: an exact row beats probable ones (a twin's
 * row that is one letter off); identical rows are duplicates, kept once; rows
 * of the same strength with different SSIDs are all left for the advisor.
 */
export function resolveClaims<R extends MatchableRow>(matches: RowMatch<R>[]): RowMatch<R>[] {
  const claims = new Map<string, RowMatch<R>[]>();
  for (const match of matches) {
    if (match.studentId === null) continue;
    claims.set(match.studentId, [...(claims.get(match.studentId) ?? []), match]);
  }
  return matches.map((match) => {
    const studentId = match.studentId;
    const rivals = studentId === null ? [] : (claims.get(studentId) ?? []).filter((m) => m !== match);
    if (studentId === null || rivals.length === 0) return match;
    const exactRival = rivals.find((r) => r.kind === 'exact');
    if (match.kind === 'probable' && exactRival) {
      const reason = {
        code: 'student_taken_by_row',
        message: `Line ${exactRival.row.line} matches this student exactly; this row may be someone else (a twin or sibling?).`,
      };
      return { ...match, kind: 'unmatched', studentId: null, candidates: [studentId], reasons: [reason] };
    }
    const peers = rivals.filter((r) => r.kind === match.kind);
    if (peers.length === 0) return match;
    if (peers.every((p) => ssidKey(p.row) === ssidKey(match.row))) {
      const firstLine = Math.min(match.row.line, ...peers.map((p) => p.row.line));
      return firstLine === match.row.line ? match : { ...match, flags: [...match.flags, FLAG.duplicate(firstLine)] };
    }
    const lines = [match.row.line, ...peers.map((p) => p.row.line)].sort((a, b) => a - b);
    const reason = { code: 'student_claimed_twice', message: `${linesText(lines)} match the same student with different SSIDs.` };
    return { ...match, kind: 'ambiguous', studentId: null, candidates: [studentId], reasons: [reason] };
  });
}

/** The flag for a blank or invalid SSID cell, or null when the SSID is valid. */
function unusableSsidFlag(row: MatchableRow): Issue | null {
  if (row.ssid.status === 'blank') return FLAG.blank;
  if (row.ssid.status === 'invalid') return FLAG.invalid(row.ssid.errors.map((e) => e.message).join(' '));
  return null;
}

/**
 * The SSID flags for giving this row's SSID to this student: how it compares
 * with the student's current SSID (in the clear, by hash, or by last four
 * digits) and whether another student already holds it.
 */
export function ssidFlags(
  row: MatchableRow,
  studentId: string,
  index: RosterIndex,
  ssidHashes: ReadonlyMap<string, string>,
): Issue[] {
  const ssid = row.ssid.value;
  const unusable = unusableSsidFlag(row);
  if (unusable || ssid === null) return [unusable ?? FLAG.invalid('not 10 digits')];
  const flags: Issue[] = [...row.ssid.warnings];
  const student = index.byId.get(studentId)?.student;
  const hash = ssidHashes.get(ssid);
  if (student?.currentSsid) {
    flags.push(student.currentSsid === ssid ? FLAG.same : FLAG.differs);
  } else if (student?.ssidHash && hash) {
    flags.push(student.ssidHash === hash ? FLAG.same : FLAG.differs);
  } else if (student?.ssidLast4) {
    flags.push(student.ssidLast4 === ssid.slice(-4) ? FLAG.unverified : FLAG.differs);
  }
  const holder = index.bySsid.get(ssid) ?? (hash ? index.bySsidHash.get(hash) : undefined);
  if (holder !== undefined && holder !== studentId) flags.push(FLAG.taken);
  return flags;
}

/** Adds the SSID flags to every matched row and decides which can be applied and which need a look. */
export function applySsidChecks<R extends MatchableRow>(
  matches: RowMatch<R>[],
  index: RosterIndex,
  ssidHashes: ReadonlyMap<string, string>,
): RowMatch<R>[] {
  const holders = new Map<string, Set<string>>();
  for (const match of matches) {
    const ssid = match.row.ssid.value;
    if (ssid === null || match.studentId === null) continue;
    holders.set(ssid, (holders.get(ssid) ?? new Set()).add(match.studentId));
  }
  return matches.map((match) => {
    const flags = [...match.flags];
    if (match.studentId !== null) flags.push(...ssidFlags(match.row, match.studentId, index, ssidHashes));
    else flags.push(...[unusableSsidFlag(match.row)].filter((f) => f !== null));
    const ssid = match.row.ssid.value;
    if (ssid !== null && (holders.get(ssid)?.size ?? 0) > 1) flags.push(FLAG.repeated);
    const canApply = match.studentId !== null && !flags.some((f) => BLOCKING.has(f.code));
    const needsReview =
      canApply &&
      (match.kind !== 'exact' || [...flags, ...match.reasons].some((issue) => NEEDS_A_LOOK.has(issue.code)));
    return { ...match, flags, canApply, needsReview };
  });
}

/**
 * Turns the rows the advisor accepted (line -> chosen student; for ambiguous
 * rows, one of the candidates) into SSID updates. Invalid or blank SSIDs, a
 * student not offered for that row, an SSID the student already has or another
 * student holds, and two accepted rows for one student or one SSID are refused.
 */
export function ssidUpdatesFrom(
  matches: readonly RowMatch<MatchableRow>[],
  accepted: ReadonlyMap<number, string>,
  index: RosterIndex,
  ssidHashes: ReadonlyMap<string, string> = new Map(),
): { updates: SsidUpdate[]; refused: RefusedRow[] } {
  const byLine = new Map(matches.map((m) => [m.row.line, m]));
  const updates: SsidUpdate[] = [];
  const refused: RefusedRow[] = [];
  for (const [line, studentId] of accepted) {
    const match = byLine.get(line);
    if (!match) {
      refused.push({ line, reason: { code: 'unknown_line', message: `There is no line ${line} in this file.` } });
      continue;
    }
    const offered = match.studentId === studentId || match.candidates.includes(studentId);
    if (!offered) {
      refused.push({ line, reason: { code: 'not_a_candidate', message: 'That student was not offered for this row.' } });
      continue;
    }
    const fileFlags = match.flags.filter((f) => f.code === 'ssid_repeated_in_file' || f.code === 'duplicate_row');
    const blocking = [...fileFlags, ...ssidFlags(match.row, studentId, index, ssidHashes)].find((f) => BLOCKING.has(f.code));
    if (blocking || match.row.ssid.value === null) {
      refused.push({ line, reason: blocking ?? FLAG.invalid('not 10 digits') });
      continue;
    }
    updates.push({ studentId, ssid: match.row.ssid.value, source: 'school_records', line });
  }
  return refuseDoubles(updates, refused);
}

/** One student gets one SSID and one SSID one student: accepted rows that break this are all refused. */
function refuseDoubles(updates: SsidUpdate[], refused: RefusedRow[]): { updates: SsidUpdate[]; refused: RefusedRow[] } {
  const count = (key: (u: SsidUpdate) => string) => {
    const counts = new Map<string, number>();
    for (const u of updates) counts.set(key(u), (counts.get(key(u)) ?? 0) + 1);
    return (u: SsidUpdate) => (counts.get(key(u)) ?? 0) > 1;
  };
  const studentTwice = count((u) => u.studentId);
  const ssidTwice = count((u) => u.ssid);
  const kept: SsidUpdate[] = [];
  for (const update of updates) {
    if (studentTwice(update)) {
      refused.push({ line: update.line, reason: { code: 'student_accepted_twice', message: 'Another accepted row gives this student an SSID too.' } });
    } else if (ssidTwice(update)) {
      refused.push({ line: update.line, reason: { code: 'ssid_accepted_twice', message: 'Another accepted row gives this SSID to a different student.' } });
    } else {
      kept.push(update);
    }
  }
  return { updates: kept, refused };
}
