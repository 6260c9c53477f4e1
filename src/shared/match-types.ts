/**
 * The shapes school-return matching works on: the rostered student, the row,
 * the match and the folded roster index. Their own module so that matching.ts
 * and the SSID rules in match-review.ts both read them without importing each
 * other.
 */
import type { FoldedName, PersonName } from './names';
import type { ReturnRow } from './school-return';
import type { Issue } from './ssid';

/** A rostered student as matching needs it. */
export interface RosterStudent extends PersonName {
  studentId: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  grade?: string;
  schoolStudentId?: string;
  /** The student's SSID in the clear, when the tablet knows it (typed from the paper application). */
  currentSsid?: string | null;
  /** HMAC of the SSID the server holds (RosterEntry.ssidHash), compared through MatchOptions.ssidHashes. */
  ssidHash?: string | null;
  ssidLast4?: string | null;
}

/** The parts of a return row that matching reads. */
export type MatchableRow = Pick<
  ReturnRow,
  'line' | 'firstName' | 'middleName' | 'lastName' | 'dateOfBirth' | 'dateProblem' | 'schoolStudentId' | 'ssid'
>;

/** What else matching may use. */
export interface MatchOptions {
  /**
   * HMAC of each valid SSID in the file under the roster's key, computed by the
   * caller (WebCrypto is async), so a school's SSID can be compared with
   * `ssidHash` without the tablet ever holding other students' numbers.
   */
  ssidHashes?: ReadonlyMap<string, string>;
}

/** How sure we are that a row is one student. */
export type MatchKind = 'exact' | 'probable' | 'ambiguous' | 'unmatched';

/** One row's match, with everything the review screen shows. */
export interface RowMatch<R extends MatchableRow = ReturnRow> {
  row: R;
  kind: MatchKind;
  /** The student for exact and probable rows; null otherwise. */
  studentId: string | null;
  /** Ambiguous: the students it could be. Unmatched: near misses worth a look. */
  candidates: string[];
  /** Why this kind, in an advisor's words. */
  reasons: Issue[];
  /** What accepting the SSID would mean: same_as_current, differs_from_paper, ssid_taken... */
  flags: Issue[];
  /** Accepting would set a valid SSID on one student that differs from what they have. */
  canApply: boolean;
  /** The advisor must look before accepting; exact rows without flags may be pre-selected. */
  needsReview: boolean;
}

/** Counts for the review screen's heading. */
export interface MatchSummary {
  exact: number;
  probable: number;
  ambiguous: number;
  unmatched: number;
  invalidSsid: number;
  blankSsid: number;
  sameAsCurrent: number;
  differsFromPaper: number;
  /** Rows that can be applied without review. */
  ready: number;
}

/** A student folded once for matching. */
export interface PreparedStudent {
  student: RosterStudent;
  name: FoldedName;
  localKey: string;
}

/** The roster folded and indexed once; reusable across several files. */
export interface RosterIndex {
  byId: Map<string, PreparedStudent>;
  byDob: Map<string, PreparedStudent[]>;
  byLocalId: Map<string, PreparedStudent[]>;
  byName: Map<string, PreparedStudent[]>;
  /** Students by their current SSID (in the clear) and by SSID hash: "already used by" checks. */
  bySsid: Map<string, string>;
  bySsidHash: Map<string, string>;
}
