/**
 * Dates as an advisor types them from the paper (design section 14): month
 * first, in the forms people use (03152013, 3/15/2013, 03/15/13, 2013-03-15),
 * read to ISO YYYY-MM-DD and said back in words. Pure: the entry form, record
 * validation and the server's push schema share these rules.
 */
import {
  dateProblem, daysInMonth, expandTwoDigitYear, formatUsDate, isIsoDate, isoFromParts, MONTH_NAMES, type DateParts, type DateRead,
} from './dates';
import type { Issue } from './ssid';

/** A birth date reads a two-digit year as a child's; any other date as the latest year up to this one. */
export type DateKind = 'birth' | 'event';

/** The earliest year a date on the paper may have. */
export const EARLIEST_YEAR = 1900;

/** How the date field asks for a date: its placeholder, and the order every message uses. */
export const DATE_PATTERN = 'MM/DD/YYYY';

const UNREADABLE = `Type the date month first, as ${DATE_PATTERN} (03/15/2013), M/D/YYYY, MMDDYYYY or YYYY-MM-DD.`;

/** The typed forms, month first except ISO, whose four-digit year comes first. */
function splitTyped(text: string): DateParts | null {
  let m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m) return { month: Number(m[1]), day: Number(m[2]), year: Number(m[3]), twoDigitYear: false };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), twoDigitYear: false };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return { month: Number(m[1]), day: Number(m[2]), year: Number(m[3]), twoDigitYear: (m[3] ?? '').length === 2 };
  return null;
}

/**
 * Whether the typing is one of the typed forms and no further key could make
 * it another date, so the field can move on by itself: a four-digit year last
 * (03152013, 3/15/2013, 3-15-2013) or an ISO date whose day has two digits.
 * MM/DD/YY and 2013-03-1 may still grow. The shape only: whether the numbers
 * make a real date is readTypedDate's to say.
 */
export function isCompleteTypedDate(input: string): boolean {
  const text = input.trim();
  const parts = splitTyped(text);
  return parts !== null && !parts.twoDigitYear && !/-\d$/.test(text);
}

/**
 * Reads what was typed into a date field. A two-digit year follows the
 * school-return import's century rule for birth dates (the latest year that
 * makes the child at least 3) and the latest year up to this one otherwise.
 * A year outside 1900 to this year is refused: it is a typing slip, never a date on the paper.
 * So is a date of birth after today.
 */
export function readTypedDate(input: string, today: string, kind: DateKind): DateRead {
  const text = input.trim();
  if (text === '') return dateProblem('date_empty', `Type the date as ${DATE_PATTERN}.`);
  const parts = splitTyped(text);
  if (!parts) return dateProblem('date_unreadable', UNREADABLE);
  const thisYear = Number(today.slice(0, 4));
  const year = parts.twoDigitYear ? expandTwoDigitYear(parts.year, thisYear, kind === 'birth' ? undefined : 0) : parts.year;
  const { month, day } = parts;
  if (month < 1 || month > 12) return dateProblem('date_no_month', `“${text}” has no month ${month}: type the month first, as ${DATE_PATTERN}.`);
  if (year < EARLIEST_YEAR || year > thisYear) {
    return dateProblem('date_year_range', `The year ${year} is not between ${EARLIEST_YEAR} and ${thisYear}.`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return dateProblem('date_no_day', `${MONTH_NAMES[month - 1]} ${year} has no day ${day}.`);
  }
  const iso = isoFromParts(year, month, day);
  // Record validation refuses a future birth date through this same rule (validate.ts), so the field and the check agree.
  if (kind === 'birth' && iso > today) {
    return dateProblem('date_in_future', `${dateInWords(iso)} is after today: a date of birth cannot be in the future.`);
  }
  return { ok: true, iso };
}

/**
 * Why a stored date field cannot be confirmed, or null when it holds a date
 * that may leave the tablet. The draft holds ISO once the typing reads as a
 * date, and the typed text until then, so the reason is the reader's own.
 */
export function storedDateProblem(value: string, today: string, kind: DateKind): Issue | null {
  const read = readTypedDate(value, today, kind);
  if (!read.ok) return read.problem;
  return isIsoDate(value) ? null : { code: 'date_unreadable', message: UNREADABLE };
}

/** An ISO date in words, as the field says it back: "March 15, 2013". */
export function dateInWords(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${MONTH_NAMES[(month ?? 1) - 1]} ${day}, ${year}`;
}

/** An ISO date as the field shows it back for editing: MM/DD/YYYY. */
export function typedForm(iso: string): string {
  return isIsoDate(iso) ? formatUsDate(iso) : iso;
}
