/**
 * The SSID collection progress report (issue 13, item 2) as the statewide
 * office reads it: the center's total beside its schools, each count as a
 * share of the students enrolled, and the CSV download, built from the same
 * answer the screen shows so the two can never disagree.
 */
import type { ProgressResponse, SchoolProgress } from './admin-protocol';
import { fileNameSlug, spreadsheetCsv } from './spreadsheet-csv';

/** The counts of a school, or of the whole center. */
export type ProgressCounts = Omit<SchoolProgress, 'schoolId' | 'schoolName' | 'cdsCode'>;

/** The center's counts: every school's added up. */
export function progressTotals(schools: readonly SchoolProgress[]): ProgressCounts {
  const total: ProgressCounts = { enrolled: 0, withSsid: 0, bySource: { school_records: 0, student_form: 0, student_online: 0 }, confirmedByReturn: 0, missing: 0 };
  for (const s of schools) {
    total.enrolled += s.enrolled;
    total.withSsid += s.withSsid;
    total.bySource.school_records += s.bySource.school_records;
    total.bySource.student_form += s.bySource.student_form;
    total.bySource.student_online += s.bySource.student_online;
    total.confirmedByReturn += s.confirmedByReturn;
    total.missing += s.missing;
  }
  return total;
}

/** `part` of `whole` as a whole percentage, rounded down so 99.6% never reads as done; 0 when nobody is enrolled. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

/** The CSV's columns, in order. */
export const PROGRESS_COLUMNS = [
  'Center', 'Program Year', 'School', 'CDS Code', 'Enrolled', 'With SSID', 'SSID from School Records', 'SSID from Student Paper',
  'SSID from Student Online', 'Confirmed by School Return', 'Missing SSID',
] as const;

/** The label of the CSV's last line, the center's total. */
export const ALL_SCHOOLS = 'All schools';

const countCells = (c: ProgressCounts) => [
  c.enrolled, c.withSsid, c.bySource.school_records, c.bySource.student_form, c.bySource.student_online, c.confirmedByReturn, c.missing,
].map(String);

/** The report as CSV for a spreadsheet: a line per school, then the center's total. */
export function progressCsv(report: ProgressResponse): string {
  const rows = report.schools.map((s) => [report.centerName, report.programYear, s.schoolName, s.cdsCode, ...countCells(s)]);
  rows.push([report.centerName, report.programYear, ALL_SCHOOLS, '', ...countCells(progressTotals(report.schools))]);
  return spreadsheetCsv(PROGRESS_COLUMNS, rows);
}

/** A file name for the report: "ssid-progress-<center>-<year>-<date>.csv", safe on every system. */
export function progressFileName(centerName: string, programYear: string, today: string): string {
  return `ssid-progress-${fileNameSlug(centerName, 'center')}-${programYear}-${today}.csv`;
}
