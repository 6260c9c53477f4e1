/**
 * The SSID request list a center sends a school (design section 9): the
 * students still without an SSID, with what the school needs to find them.
 * Built from the local roster, so it works offline.
 *
 * Dates are written MM/DD/YYYY: the order US school information systems
 * (PowerSchool, Aeries, Infinite Campus) export and import, and how US Excel
 * shows dates, so school staff read it without a second thought. Our own
 * import reads it back unchanged.
 */
import { formatUsDate } from './dates';
import { fileNameSlug, spreadsheetCsv } from './spreadsheet-csv';

/** The columns, exactly, in order. */
export const REQUEST_COLUMNS = ['First Name', 'Last Name', 'Date of Birth', 'Grade', 'School Student ID'] as const;

/** A rostered student as the request list needs them. */
export interface RequestStudent {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  grade?: string;
  schoolStudentId?: string;
  /** Whether the student already has an SSID (RosterEntry.ssidLast4 or ssidHash present). */
  hasSsid: boolean;
  /** Breaks ties between students with the same name, so the order is stable. */
  studentId: string;
}

/** One line of the request list, as printed and as written to the CSV. */
export type RequestRow = Record<(typeof REQUEST_COLUMNS)[number], string>;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Students without an SSID, sorted by last name then first name (accents and case ignored). */
export function studentsNeedingSsid<S extends RequestStudent>(students: readonly S[]): S[] {
  return students
    .filter((s) => !s.hasSsid)
    .sort(
      (a, b) =>
        collator.compare(a.lastName, b.lastName) ||
        collator.compare(a.firstName, b.firstName) ||
        a.dateOfBirth.localeCompare(b.dateOfBirth) ||
        a.studentId.localeCompare(b.studentId),
    );
}

/** The request list's rows, for the printable page and the CSV alike. */
export function requestRows(students: readonly RequestStudent[]): RequestRow[] {
  return studentsNeedingSsid(students).map((s) => ({
    'First Name': s.firstName.trim(),
    'Last Name': s.lastName.trim(),
    'Date of Birth': formatUsDate(s.dateOfBirth),
    Grade: s.grade?.trim() ?? '',
    'School Student ID': s.schoolStudentId?.trim() ?? '',
  }));
}

/** The request list as CSV for a spreadsheet (spreadsheet-csv.ts). */
export function requestListCsv(students: readonly RequestStudent[]): string {
  return spreadsheetCsv(REQUEST_COLUMNS, requestRows(students).map((row) => REQUEST_COLUMNS.map((c) => row[c])));
}

/** A file name for the request list: "ssid-request-<school>-<date>.csv", safe on every system. */
export function requestListFileName(schoolName: string, today: string): string {
  return `ssid-request-${fileNameSlug(schoolName, 'school')}-${today}.csv`;
}
