import { describe, expect, it } from 'vitest';
import { normalizeGrade, parseSchoolReturn, parseSchoolReturnSync, type ParseProgress } from '../../src/shared/school-return';
import { fixture, TODAY } from './school-fixtures';

const parse = (name: string) => parseSchoolReturnSync(fixture(name), { today: TODAY });
const brief = (name: string) =>
  parse(name).rows.map((r) => [r.line, r.firstName, r.middleName, r.lastName, r.dateOfBirth, r.ssid.value, r.grade, r.schoolStudentId]);

describe('parseSchoolReturnSync on messy school files', () => {
  it('reads a tidy comma file', () => {
    expect(brief('clean-comma.csv')).toEqual([
      [2, 'Sean', '', "O'Brien", '2010-11-23', '2345678901', '9', '100235'],
      [3, 'Kevin', '', 'Tran', '2011-04-04', '3456789012', '8', '100242'],
    ]);
  });

  it('reads an Excel export: BOM, CRLF, midnight times, trailing empty columns and blank rows', () => {
    const result = parse('excel-bom-crlf-trailing-commas.csv');
    expect(result.errors).toEqual([]);
    expect(result.columns[0]?.header).toBe('Student First Name');
    expect(brief('excel-bom-crlf-trailing-commas.csv')).toEqual([
      [2, 'Maria Elena', '', 'Garcia-Lopez', '2011-03-07', '1234567891', '8', '100234'],
      [3, 'Jose', '', 'Hernandez', '2012-01-15', '2233445566', '7', '100236'],
    ]);
  });

  it('reads semicolons and ISO dates', () => {
    const result = parse('semicolon-iso.csv');
    expect(result.delimiter).toBe(';');
    expect(brief('semicolon-iso.csv')).toEqual([
      [2, 'Mai', '', 'Nguyen', '2011-06-30', '3344556677', '', '100237'],
      [3, 'Ana', '', 'De La Cruz', '2010-02-28', '4455667788', '', '100238'],
    ]);
  });

  it('reads tabs, reordered headers and two-digit years', () => {
    expect(parse('tab-two-digit-years.txt').delimiter).toBe('\t');
    expect(brief('tab-two-digit-years.txt')).toEqual([
      [2, "D'Andre", '', 'Williams', '2010-07-19', '5566778899', '9', '100244'],
      [3, 'Aaliyah', '', 'Brown', '2010-12-12', '6677889900', '9', '100248'],
    ]);
  });

  it('reads renamed, shuffled columns with a middle-name column and worded grades', () => {
    expect(brief('reordered-renamed.csv')).toEqual([
      [2, 'José', 'Luis', 'Hernández', '2012-01-15', '2233445566', '7', '100236'],
      [3, 'María', 'Elena', 'García López', '2011-03-07', '1234567891', '8', '100234'],
    ]);
  });

  it('keeps names as written (accents, curly apostrophes); folding is for matching only', () => {
    expect(parse('accents-apostrophes.csv').rows.map((r) => r.lastName)).toEqual(['O’BRIEN', 'WILLIAMS', 'ANGSTROM', 'GARCIA LOPEZ']);
  });

  it('finds the header under a title block and reads quoted commas, quotes and line breaks', () => {
    const result = parse('title-block-and-quotes.csv');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.firstName, r.lastName, r.dateOfBirth, r.ssid.value])).toEqual([
      [5, 'Luis', 'Ramírez Ortega', '2012-08-08', '7788990011'],
      [6, 'Emily', 'Johnson', '2011-05-13', '8899001122'],
    ]);
  });

  it('lists every invalid SSID with its reason and never gives it a value', () => {
    const rows = parse('invalid-ssids.csv').rows;
    expect(rows.map((r) => [r.line, r.ssid.status, r.ssid.value, r.ssid.errors.map((e) => e.code)])).toEqual([
      [2, 'invalid', null, ['ssid_too_short']],
      [3, 'invalid', null, ['ssid_has_letter']],
      [4, 'invalid', null, ['ssid_scientific']],
      [5, 'valid', '1234567890', []],
      [6, 'blank', null, []],
      [7, 'invalid', null, ['ssid_too_long']],
    ]);
    expect(rows[0]?.ssid.warnings.map((w) => w.code)).toEqual(['ssid_leading_zero']);
    expect(rows[1]?.ssid.warnings.map((w) => w.code)).toEqual(['ssid_equals_local_id']);
    expect(rows[3]?.ssid.warnings.map((w) => w.code)).toEqual(['ssid_placeholder']);
  });

  it('refuses a file whose only ID column is "Student ID", saying it is the school’s own number', () => {
    const result = parse('student-id-only.csv');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.code)).toEqual(['columns_missing', 'columns_student_id_is_local']);
    expect(result.errors[0]?.message).toBe(
      'No column for the CA SSID. Columns found: “First Name”, “Last Name”, “Birthdate”, “Student ID”.',
    );
    expect(result.errors[1]?.message).toContain('“Student ID” is read as the school’s own student number');
  });

  it('refuses a file with no column it knows, naming the columns it found', () => {
    const result = parse('unrecognised-columns.csv');
    expect(result.rows).toEqual([]);
    expect(result.errors[0]?.message).toBe(
      'No column for the names, the date of birth, the CA SSID. Columns found: “Col A”, “Col B”, “Col C”.',
    );
  });

  it('splits a "Last, First Middle" name column', () => {
    expect(brief('full-name-column.csv')).toEqual([
      [2, 'María', 'Elena', 'García-López', '2011-03-07', '1234567891', '', ''],
      [3, 'Noah', '', 'Kim', '2011-01-01', '9900112233', '', ''],
    ]);
  });

  it('reads pipes and CALPADS dates, keeping leading zeros, and refuses a local ID in the SSID column', () => {
    const rows = parse('pipe-calpads-dates.txt').rows;
    expect(rows.map((r) => [r.dateOfBirth, r.ssid.value, r.schoolStudentId])).toEqual([
      ['2012-02-02', '0012345678', '123'],
      ['2011-01-01', null, '100250'],
    ]);
    expect(rows[1]?.ssid.errors.map((e) => e.code)).toEqual(['ssid_has_letter']);
  });

  it('gives an unreadable date a reason instead of a value, and keeps the row', () => {
    const text = 'First Name,Last Name,DOB,SSID\nAna,Ruiz,17/3/2011,1234567891\nLuz,Diaz,,1234567892\n';
    const rows = parseSchoolReturnSync(text, { today: TODAY }).rows;
    expect(rows.map((r) => [r.dateOfBirth, r.dateProblem?.code])).toEqual([[null, 'date_day_first'], [null, 'date_empty']]);
  });

  it('reports a column given twice and uses the first', () => {
    const text = 'First Name,Last Name,DOB,SSID,Statewide Student ID\nAna,Ruiz,3/7/2011,1234567891,9999999999\n';
    const result = parseSchoolReturnSync(text, { today: TODAY });
    expect(result.rows[0]?.ssid.value).toBe('1234567891');
    expect(result.warnings.map((w) => w.code)).toEqual(['column_duplicate']);
  });

  it('warns about a broken quote, naming the row', () => {
    const text = 'First Name,Last Name,DOB,SSID\nAna,"Ruiz,3/7/2011,1234567891\n';
    expect(parseSchoolReturnSync(text, { today: TODAY }).warnings.map((w) => w.code)).toContain('csv_quotes');
  });
});

describe('parseSchoolReturn on a district-sized file', () => {
  const district = (rows: number) =>
    'First Name,Last Name,Birthdate,SSID\r\n' +
    Array.from({ length: rows }, (_, i) => `Student${i},Family${i % 97},3/7/2011,${String(1_000_000_000 + i)}`).join('\r\n');

  it('reports progress chunk by chunk up to the total, then returns every row', async () => {
    const progress: ParseProgress[] = [];
    let pauses = 0;
    const result = await parseSchoolReturn(district(5000), {
      today: TODAY,
      chunkRows: 1000,
      onProgress: (p) => progress.push(p),
      pause: async () => { pauses++; },
    });
    expect(result.rows).toHaveLength(5000);
    expect(progress.map((p) => p.rowsDone)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(progress.every((p) => p.rowsTotal === 5000)).toBe(true);
    expect(pauses).toBe(5);
    expect(result.rows[4999]).toMatchObject({ line: 5001, firstName: 'Student4999', ssid: { value: '1000004999' } });
  });

  it('gives the same result as the one-go reading', async () => {
    const text = district(1200);
    expect(await parseSchoolReturn(text, { today: TODAY, chunkRows: 100, pause: async () => {} }))
      .toEqual(parseSchoolReturnSync(text, { today: TODAY }));
  });

  it('stops when the advisor cancels', async () => {
    const controller = new AbortController();
    const reading = parseSchoolReturn(district(3000), {
      today: TODAY,
      chunkRows: 500,
      signal: controller.signal,
      onProgress: (p) => { if (p.rowsDone >= 1000) controller.abort(new Error('cancelled')); },
    });
    await expect(reading).rejects.toThrow('cancelled');
  });
});

describe('normalizeGrade', () => {
  it.each([['08', '8'], ['8th', '8'], ['Grade 7', '7'], ['K', 'K'], ['KG', 'K'], ['12', '12'], ['TK', 'TK'], ['13', '13'], ['', '']])(
    'reads %j as %j',
    (cell, grade) => {
      expect(normalizeGrade(cell)).toBe(grade);
    },
  );
});
