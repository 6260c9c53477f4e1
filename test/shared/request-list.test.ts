import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  REQUEST_COLUMNS, requestListCsv, requestListFileName, requestRows, studentsNeedingSsid, type RequestStudent,
} from '../../src/shared/request-list';
import { parseSchoolReturnSync } from '../../src/shared/school-return';
import { TODAY } from './school-fixtures';

const student = (over: Partial<RequestStudent> & Pick<RequestStudent, 'firstName' | 'lastName'>): RequestStudent => ({
  studentId: `${over.lastName}-${over.firstName}`, dateOfBirth: '2011-03-07', grade: '8', schoolStudentId: '', hasSsid: false, ...over,
});

/** What a school does with the list: add an SSID column and send it back. */
function schoolFillsIn(csv: string, ssidFor: (line: number) => string): string {
  const records = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return Papa.unparse(records.map((r, i) => [...r, i === 0 ? 'SSID' : ssidFor(i + 1)]));
}

describe('requestListCsv', () => {
  it('lists only students without an SSID, by last then first name, accents and case ignored', () => {
    const list = studentsNeedingSsid([
      student({ firstName: 'Zoë', lastName: 'Ångström' }),
      student({ firstName: 'ana', lastName: 'de la Cruz' }),
      student({ firstName: 'Sean', lastName: "O'Brien", hasSsid: true }),
      student({ firstName: 'Luis', lastName: 'Álvarez' }),
      student({ firstName: 'Ana', lastName: 'Álvarez' }),
    ]);
    expect(list.map((s) => `${s.firstName} ${s.lastName}`)).toEqual(['Ana Álvarez', 'Luis Álvarez', 'Zoë Ångström', 'ana de la Cruz']);
  });

  it('writes exactly the five columns, a BOM for Excel, CRLF lines and MM/DD/YYYY dates', () => {
    const csv = requestListCsv([student({ firstName: 'María Elena', lastName: 'García-López', schoolStudentId: '100234' })]);
    expect(csv).toBe(
      '\uFEFFFirst Name,Last Name,Date of Birth,Grade,School Student ID\r\nMaría Elena,García-López,03/07/2011,8,100234\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' =1', "'=1"],
    ['=1\n+2', "'=1\n+2"],
    ["'@home", "''@home"],
    ['Ana-María', 'Ana-María'],
  ])('writes %j as %j so a spreadsheet never runs it as a formula', (name, written) => {
    const csv = requestListCsv([student({ firstName: name, lastName: 'Test' })]);
    const [, cells] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;
    expect(cells?.[0]).toBe(written);
  });

  it('the printable rows and the CSV agree', () => {
    const students = [student({ firstName: 'Ana', lastName: 'Ruiz', grade: undefined, schoolStudentId: undefined })];
    expect(requestRows(students)).toEqual([
      { 'First Name': 'Ana', 'Last Name': 'Ruiz', 'Date of Birth': '03/07/2011', Grade: '', 'School Student ID': '' },
    ]);
    expect(REQUEST_COLUMNS).toEqual(['First Name', 'Last Name', 'Date of Birth', 'Grade', 'School Student ID']);
  });

  it('property: the list comes back through the import unchanged once the school adds SSIDs', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && s.trim() === s);
    const students = fc.array(
      fc.record({
        firstName: text,
        lastName: text,
        dateOfBirth: fc.date({ min: new Date('2006-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        grade: fc.constantFrom('K', '6', '7', '8', '12'),
        schoolStudentId: fc.stringMatching(/^[0-9A-Z]{0,10}$/),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(fc.property(students, (list) => {
      const roster = list.map((s, i): RequestStudent => ({ ...s, studentId: `s${i}`, hasSsid: false }));
      const back = parseSchoolReturnSync(schoolFillsIn(requestListCsv(roster), (line) => String(1_000_000_000 + line)), { today: TODAY });
      expect(back.errors).toEqual([]);
      expect(back.rows.map((r) => [r.firstName, r.lastName, r.dateOfBirth, r.grade, r.schoolStudentId])).toEqual(
        studentsNeedingSsid(roster).map((s) => [s.firstName, s.lastName, s.dateOfBirth, s.grade, s.schoolStudentId]),
      );
    }));
  });
});

describe('requestListFileName', () => {
  it('names the file after the school and the day, in safe characters', () => {
    expect(requestListFileName('César Chávez Middle School / Annex', '2025-09-01')).toBe('ssid-request-cesar-chavez-middle-school-annex-2025-09-01.csv');
  });
});
