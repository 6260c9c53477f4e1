import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchoolReturnSync } from '../../src/shared/school-return';
import { isHeaderlessStateExtract, STATE_EXTRACT_COLUMNS } from '../../src/shared/state-extract';
import { TODAY } from './school-fixtures';

const parse = (text: string) => parseSchoolReturnSync(text, { today: TODAY });
const brief = (text: string) =>
  parse(text).rows.map((r) => [r.line, r.firstName, r.lastName, r.dateOfBirth, r.ssid.value, r.schoolStudentId]);

const EXTRACT_ROWS = ['1234567891^100234^Garcia Lopez^Maria^20110307', '0012345678^X-77^O’Brien^Sean^20101123', ''];

describe('reading the state system’s caret-delimited extracts', () => {
  it.each([
    ['with no header row', EXTRACT_ROWS.join('\n'), 1],
    ['with no header row and CRLF line ends', EXTRACT_ROWS.join('\r\n'), 1],
    ['with its header row', [STATE_EXTRACT_COLUMNS.join('^'), ...EXTRACT_ROWS].join('\n'), 2],
  ])('reads an extract %s: CCYYMMDD dates, SSIDs with leading zeros, local ids', (_, text, firstLine) => {
    const result = parse(text);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe('^');
    expect(brief(text)).toEqual([
      [firstLine, 'Maria', 'Garcia Lopez', '2011-03-07', '1234567891', '100234'],
      [firstLine + 1, 'Sean', 'O’Brien', '2010-11-23', '0012345678', 'X-77'],
    ]);
  });

  it('reads a caret file with its own header order by the header', () => {
    const text = 'LastName^FirstName^BirthDate^SSID\nTran^Kevin^20110404^3456789012\n';
    expect(brief(text)).toEqual([[2, 'Kevin', 'Tran', '2011-04-04', '3456789012', '']]);
  });

  it('reads a student whose last name is a header word as a student, not as a header', () => {
    expect(brief('2345678901^^Id^Grade^20100101')).toEqual([[1, 'Grade', 'Id', '2010-01-01', '2345678901', '']]);
  });

  it('keeps a row with no SSID for the advisor to see, as the school sent it', () => {
    const [row] = parse('^100235^Kim^Noah^20110113').rows;
    expect(row?.ssid.status).toBe('blank');
    expect(row?.dateOfBirth).toBe('2011-01-13');
  });

  it('still refuses a caret file that is neither headed nor shaped like an extract, naming what is missing', () => {
    const result = parse('alpha^beta^gamma\n1^2^3\n');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.message).join(' ')).toContain('No column for');
  });
});

describe('isHeaderlessStateExtract', () => {
  it.each([
    [[['1234567891', 'X1', 'Garcia', 'Maria', '20110307']], true],
    [[[''], ['', 'X1', 'Garcia', 'Maria', '20110307', '']], true],
    [[['SSID', 'LocalID', 'LastName', 'FirstName', 'BirthDate']], false],
    [[['1234567891', 'X1', 'Garcia', 'Maria']], false],
    [[['1234567891', 'X1', 'Garcia', 'Maria', '3/7/2011']], false],
    [[['12345X7891', 'X1', 'Garcia', 'Maria', '20110307']], false],
    [[], false],
  ])('%j -> %s', (rows, expected) => {
    expect(isHeaderlessStateExtract(rows)).toBe(expected);
  });
});

interface Student {
  ssid: string;
  localId: string;
  lastName: string;
  firstName: string;
  dateOfBirth: string;
}

describe('a roster written as an extract reads back the same', () => {
  const name = fc.stringMatching(/^[A-Za-zÁÉÍÓÚáéíóúÑñ][A-Za-zÁÉÍÓÚáéíóúÑñ' -]{0,14}[A-Za-zñ]$/);
  const student: fc.Arbitrary<Student> = fc.record({
    ssid: fc.stringMatching(/^\d{10}$/),
    localId: fc.stringMatching(/^[A-Z0-9]{0,16}$/),
    lastName: name,
    firstName: name,
    dateOfBirth: fc
      .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  });
  const extract = (roster: Student[], header: boolean) =>
    [
      ...(header ? [STATE_EXTRACT_COLUMNS.join('^')] : []),
      ...roster.map((s) => [s.ssid, s.localId, s.lastName, s.firstName, s.dateOfBirth.replaceAll('-', '')].join('^')),
    ].join('\r\n');

  it('with or without a header row', () => {
    fc.assert(
      fc.property(fc.array(student, { minLength: 1, maxLength: 30 }), fc.boolean(), (roster, header) => {
        const result = parse(extract(roster, header));
        expect(result.errors).toEqual([]);
        expect(result.rows.map((r) => [r.ssid.value, r.schoolStudentId, r.lastName, r.firstName, r.dateOfBirth])).toEqual(
          roster.map((s) => [s.ssid, s.localId, s.lastName, s.firstName, s.dateOfBirth]),
        );
      }),
    );
  });
});
