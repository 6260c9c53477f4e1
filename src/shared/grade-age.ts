/**
 * A birth date implausible for the grade (issue 9, point 2): usually a misread
 * digit of the year on the paper, so it is a warning the advisor must look at
 * against the paper, not an error.
 *
 * The rule, from California Education Code section 48000: a child starts
 * kindergarten in the school year they turn 5 on or before September 1. So on
 * September 1 of a program year (July to June, written "2026-27") a student in
 * grade g is usually g + 5 years old (5 in kindergarten). Retention, early
 * entry and skipped grades move a student a year or two from that; more than
 * two years off asks for a look at the paper.
 */
import { ageOn, isIsoDate } from './dates';
import type { Issue } from './ssid';

/** How many years from the grade's usual age a student may be before the date needs a look. */
export const GRADE_AGE_SLACK = 2;

/** Age on September 1 of the program year's first year for each grade (K counted as 0). */
const KINDERGARTEN_AGE = 5;

/** The grade as a number from kindergarten (0) to 12, or null for anything else. */
function gradeNumber(grade: string): number | null {
  if (grade === 'K') return 0;
  return /^(?:[1-9]|1[0-2])$/.test(grade) ? Number(grade) : null;
}

/** The reference date of a program year "2026-27": September 1, 2026 (null when it is not one). */
export function programYearReferenceDate(programYear: string): string | null {
  const m = /^(\d{4})-\d{2}$/.exec(programYear);
  return m ? `${m[1]}-09-01` : null;
}

/**
 * The warning for a birth date more than GRADE_AGE_SLACK years from the
 * grade's usual age on the program year's reference date, in the advisor's
 * words; null when it is usual, or when the date, grade or program year is not
 * (yet) readable (their own checks say so).
 */
export function gradeAgeWarning(dateOfBirth: string, grade: string, programYear: string): Issue | null {
  const g = gradeNumber(grade);
  const reference = programYearReferenceDate(programYear);
  if (g === null || reference === null || !isIsoDate(dateOfBirth) || dateOfBirth > reference) return null;
  const usual = g + KINDERGARTEN_AGE;
  const age = ageOn(dateOfBirth, reference);
  if (Math.abs(age - usual) <= GRADE_AGE_SLACK) return null;
  const student = g === 0 ? 'A student in kindergarten' : `A student in grade ${g}`;
  return { code: 'dob_unusual_for_grade', message: `${student} is usually ${usual}; this date makes them ${age}. Check the paper.` };
}
