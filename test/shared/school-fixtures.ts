/** Loads the messy school-return fixtures and the roster they are matched against. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RosterStudent } from '../../src/shared/matching';
import type { ReturnRow } from '../../src/shared/school-return';

const dir = fileURLToPath(new URL('../fixtures/school-returns/', import.meta.url));

/** A fixture file's text, byte-order mark and line ends untouched. */
export function fixture(name: string): string {
  return readFileSync(dir + name, 'utf8');
}

/** The roster of Lincoln Middle School that the fixtures were written against. */
export const ROSTER: RosterStudent[] = JSON.parse(fixture('roster.json')) as RosterStudent[];

/** The fixed "today" of the fixtures, so two-digit years read the same every year. */
export const TODAY = '2025-09-01';

/** A return row with a valid SSID, for table tests that do not go through a file. */
export function row(fields: Partial<ReturnRow> & Pick<ReturnRow, 'firstName' | 'lastName'>, ssid = '1234567891'): ReturnRow {
  return {
    line: 2,
    middleName: '',
    dateOfBirth: '2011-03-07',
    dateProblem: null,
    grade: '',
    schoolStudentId: '',
    warnings: [],
    ssid: { raw: ssid, status: 'valid', value: ssid, errors: [], warnings: [] },
    ...fields,
  };
}
