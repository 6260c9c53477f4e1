/**
 * Reading the dates of birth that schools send back (design section 9), as
 * their spreadsheets write them: "3/7/2011", "03/07/2011", "2011-03-07",
 * "03/07/11", "3/7/2011 0:00", "07-Mar-11", CALPADS' "20110307", or the bare
 * Excel serial number "40609". US order (month first) throughout.
 */
import type { Issue } from './ssid';

/** A date read to ISO, or why it could not be. */
export type DateRead = { ok: true; iso: string } | { ok: false; problem: Issue };

/** What a date is read relative to. */
export interface DateContext {
  /** Today as YYYY-MM-DD; decides two-digit years and what is in the future. Defaults to the local date. */
  today?: string;
}

/**
 * Youngest age at which a child can be enrolled in a school (transitional
 * kindergarten starts at 4; one year of slack). Decides two-digit years.
 */
const YOUNGEST_AGE = 3;
/** Oldest plausible K-12 student: adult-education and special-education students stay until 22. */
const OLDEST_AGE = 22;

/** The months in order, as a date is said in words. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Today's local date as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Year, month and day as YYYY-MM-DD. */
export function isoFromParts(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How many days a month (1 to 12) has in a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The century for a two-digit year: the latest year ending in those digits
 * that makes the child at least YOUNGEST_AGE this year. So in 2025, "11" is
 * 2011, "22" is 2022 and "23" is 1923 (then flagged as implausible, not guessed).
 * A date that is not a birth date passes `youngestAge` 0: the latest such year up to this one.
 */
export function expandTwoDigitYear(twoDigits: number, todayYear: number, youngestAge: number = YOUNGEST_AGE): number {
  const latestBirthYear = todayYear - youngestAge;
  const century = Math.floor(latestBirthYear / 100) * 100;
  const candidate = century + twoDigits;
  return candidate <= latestBirthYear ? candidate : candidate - 100;
}

/** Excel counts days from 1899-12-30 (which absorbs its fictional 1900-02-29). */
function fromExcelSerial(serial: number): [number, number, number] {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** The month a name starts like by its first three letters ("Mar", "march"), or 0. */
function monthFromName(name: string): number {
  const start = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((month) => month.slice(0, 3).toLowerCase() === start) + 1;
}

/** A date that could not be read, and why. */
export const dateProblem = (code: string, message: string): DateRead => ({ ok: false, problem: { code, message } });
const UNREADABLE = 'Not a date we can read. Write it as M/D/YYYY (for example 3/7/2011) or YYYY-MM-DD.';

/** A date split into its numbers, before they are checked; a two-digit year is not yet given its century. */
export type DateParts = { year: number; month: number; day: number; twoDigitYear: boolean };

type Parts = DateParts | DateRead;

/** Splits the text into year, month and day by the shapes schools' files use. */
function splitDate(text: string): Parts {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), twoDigitYear: false };
  m = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), twoDigitYear: false };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    if (first > 12 && second <= 12) {
      return dateProblem('date_day_first', `“${text}” reads as day/month. US dates are month/day: check the file’s date format.`);
    }
    return { year: Number(m[3]), month: first, day: second, twoDigitYear: (m[3] ?? '').length === 2 };
  }
  m = /^(\d{1,2})[- ]([a-z]{3,9})\.?[- ,]*(\d{4}|\d{2})$/i.exec(text);
  if (m && monthFromName(m[2] ?? '') > 0) {
    return { year: Number(m[3]), month: monthFromName(m[2] ?? ''), day: Number(m[1]), twoDigitYear: (m[3] ?? '').length === 2 };
  }
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(text);
  if (m && monthFromName(m[1] ?? '') > 0) {
    return { year: Number(m[3]), month: monthFromName(m[1] ?? ''), day: Number(m[2]), twoDigitYear: false };
  }
  m = /^\d{5}$/.exec(text);
  if (m) {
    const [year, month, day] = fromExcelSerial(Number(text));
    return { year, month, day, twoDigitYear: false };
  }
  return dateProblem('date_unreadable', UNREADABLE);
}

/**
 * Reads a date of birth from a school's file into YYYY-MM-DD, forgiving the
 * spaces and midnight times ("3/7/2011 0:00") that Excel adds; otherwise says
 * why it cannot.
 */
export function parseDate(input: string, context: DateContext = {}): DateRead {
  // Excel writes date cells as "3/7/2011 0:00" or "3/7/2011 12:00:00 AM"; ISO exports add "T00:00:00Z".
  const text = input
    .trim()
    .replace(/(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?)$/i, '')
    .trim();
  if (text === '') return dateProblem('date_empty', 'No date of birth.');
  const today = context.today ?? todayIso();
  const todayYear = Number(today.slice(0, 4));

  const parts = splitDate(text);
  if ('ok' in parts) return parts;
  const year = parts.twoDigitYear ? expandTwoDigitYear(parts.year, todayYear) : parts.year;
  const { month, day } = parts;
  if (month < 1 || month > 12) return dateProblem('date_impossible', `“${text}” has no month ${month}.`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return dateProblem('date_impossible', `“${text}” is not a real date: that month has ${daysInMonth(year, month)} days.`);
  }
  if (year < 1900) return dateProblem('date_impossible', `“${text}” is not a plausible date of birth.`);
  const iso = isoFromParts(year, month, day);
  if (iso > today) return dateProblem('date_in_future', `“${text}” is in the future.`);
  return { ok: true, iso };
}

/** Age in whole years on `today` for a birth date, both YYYY-MM-DD. */
export function ageOn(birthIso: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return today.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

/** A warning when a birth date is odd for a K-12 student (younger than 3 or older than 22), else null. */
export function birthDateWarning(birthIso: string, today: string = todayIso()): Issue | null {
  const age = ageOn(birthIso, today);
  if (age >= YOUNGEST_AGE && age <= OLDEST_AGE) return null;
  return { code: 'date_implausible', message: `Unusual for a K-12 student: that makes the student ${age} years old.` };
}

/** YYYY-MM-DD as MM/DD/YYYY, the order US school information systems import. */
export function formatUsDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/**
 * Two ISO birth dates that are one keying slip apart: one digit changed or two
 * adjacent digits swapped, or month and day exchanged ("2011-03-07" and "2011-07-03").
 */
export function isOneSlipApart(a: string, b: string): boolean {
  if (a === b || !isIsoDate(a) || !isIsoDate(b)) return false;
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return true;
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  const [i, j] = diffs;
  return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
