/**
 * Whether a paper names a student the center already has, judged the way a
 * school's return is matched (design section 9): folded names and the date of
 * birth. Used when a paper's CA SSID is one the center already holds, to tell
 * "the same student again" from "another student with this number".
 */
import { isOneSlipApart } from './dates';
import { compareNames } from './name-compare';
import { foldName, type PersonName } from './names';
import type { Issue } from './ssid';

/** A person as a paper or the roster gives them. */
export interface StudentIdentity extends PersonName {
  /** YYYY-MM-DD. */
  dateOfBirth: string;
}

/** Same: link to the known student. Probable: the advisor decides, with the differences named. Different: another student. */
export type SameStudentVerdict =
  | { level: 'same' }
  | { level: 'probable'; differences: Issue[] }
  | { level: 'different' };

const DOB_SLIP: Issue = { code: 'dob_slip', message: 'The dates of birth differ by one digit or have month and day swapped.' };

/**
 * Same: the names are the same words (accents, case, punctuation and which box a
 * middle name sits in do not count) and the birth dates are equal. Probable:
 * exactly one of the two differs a little (a one-letter typo, a missing middle
 * name, one part of a two-part last name, first and last swapped; or a birth
 * date one digit or a month/day swap apart). Anything more is another student.
 */
export function compareStudents(paper: StudentIdentity, known: StudentIdentity): SameStudentVerdict {
  const names = compareNames(foldName(paper), foldName(known));
  const sameDate = paper.dateOfBirth === known.dateOfBirth;
  if (names.level === 'exact' && sameDate) return { level: 'same' };
  if (names.level === 'exact' && isOneSlipApart(paper.dateOfBirth, known.dateOfBirth)) return { level: 'probable', differences: [DOB_SLIP] };
  if (names.level === 'probable' && sameDate) return { level: 'probable', differences: names.reasons };
  return { level: 'different' };
}
