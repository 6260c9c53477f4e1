/**
 * When a returning student's answers match the student the SSID belongs to
 * (design section 10): pure, so the rule is tested as a table.
 */
import { nameKey, nameTokens } from '../../shared/names';

/**
 * The last name matches under normalization: accents, case, spacing, hyphens and
 * apostrophes do not count ("García-López" = "garcia lopez"). A student with a
 * two-part last name may give the parts they use, all of them from the record
 * ("Lopez" for "García López"), but never a name that is not theirs.
 */
export function sameLastName(typed: string, onRecord: string): boolean {
  const key = nameKey(typed);
  if (key === '') return false;
  if (key === nameKey(onRecord)) return true;
  const recordTokens = nameTokens(onRecord);
  const typedTokens = nameTokens(typed);
  return recordTokens.length > 1 && typedTokens.every((token) => recordTokens.includes(token));
}

/** What the server holds for the SSID given: the student, or a stand-in when none has it. */
export interface ReEnrollCandidate {
  exists: boolean;
  deleted: boolean;
  lastName: string;
  dateOfBirth: string;
}

/**
 * Whether the answers match. Every comparison is made whatever the outcome of
 * the others (no short-circuit), so a wrong SSID costs the same work as a wrong name.
 */
export function answersMatch(candidate: ReEnrollCandidate, answers: { lastName: string; dateOfBirth: string }): boolean {
  const nameMatches = sameLastName(answers.lastName, candidate.lastName);
  const dateMatches = answers.dateOfBirth === candidate.dateOfBirth;
  return [candidate.exists, !candidate.deleted, nameMatches, dateMatches].every(Boolean);
}
