/** The progress report as the statewide office gets it: totals, percentages that never overstate, and the CSV. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ProgressResponse, SchoolProgress } from '../../src/shared/admin-protocol';
import { ALL_SCHOOLS, percentOf, PROGRESS_COLUMNS, progressCsv, progressFileName, progressTotals } from '../../src/shared/progress-report';

const school = (name: string, c: { enrolled: number; records: number; paper: number; online: number; confirmed: number }): SchoolProgress => {
  const withSsid = c.records + c.paper + c.online;
  return {
    schoolId: name, schoolName: name, cdsCode: '01611920130299', enrolled: c.enrolled, withSsid,
    bySource: { school_records: c.records, student_form: c.paper, student_online: c.online }, confirmedByReturn: c.confirmed, missing: c.enrolled - withSsid,
  };
};

const REPORT: ProgressResponse = {
  centerName: 'Fresno MESA', programYear: '2025-26', programYears: ['2025-26'],
  schools: [school('Lincoln Middle', { enrolled: 5, records: 1, paper: 2, online: 0, confirmed: 2 }), school('=HYPERLINK("x")', { enrolled: 2, records: 0, paper: 0, online: 1, confirmed: 0 })],
};

describe('progressTotals', () => {
  it('adds every school’s counts', () => {
    expect(progressTotals(REPORT.schools)).toEqual({
      enrolled: 7, withSsid: 4, bySource: { school_records: 1, student_form: 2, student_online: 1 }, confirmedByReturn: 2, missing: 3,
    });
  });
  it('is all zeros for a year without schools', () => {
    expect(progressTotals([])).toMatchObject({ enrolled: 0, withSsid: 0, missing: 0 });
  });
});

describe('percentOf', () => {
  it.each([
    [0, 0, 0],
    [3, 5, 60],
    [199, 200, 99],
    [200, 200, 100],
    [1, 3, 33],
  ])('%i of %i is %i%%', (part, whole, percent) => {
    expect(percentOf(part, whole)).toBe(percent);
  });
});

describe('progressCsv', () => {
  it('writes a line per school and the center’s total, readable back with the same numbers', () => {
    const csv = progressCsv(REPORT);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...PROGRESS_COLUMNS]);
    expect(parsed[1]).toEqual(['Fresno MESA', '2025-26', 'Lincoln Middle', '01611920130299', '5', '3', '1', '2', '0', '2', '2']);
    expect(parsed[3]).toEqual(['Fresno MESA', '2025-26', ALL_SCHOOLS, '', '7', '4', '1', '2', '1', '2', '3']);
  });
  it('defuses a school name a spreadsheet would run as a formula', () => {
    const parsed = Papa.parse<string[]>(progressCsv(REPORT).slice(1).trim(), { newline: '\r\n' }).data;
    expect(parsed[2]![2]).toBe('\'=HYPERLINK("x")');
  });
});

describe('progressFileName', () => {
  it('names the center, the year and the day, safe on every system', () => {
    expect(progressFileName('MESA Centro de Fresno / Valle', '2025-26', '2026-12-01')).toBe('ssid-progress-mesa-centro-de-fresno-valle-2025-26-2026-12-01.csv');
  });
});
