import { describe, expect, it } from 'vitest';
import { parseSchoolSheet } from '../../src/shared/school-return';
import { cellText, type SheetCell } from '../../src/shared/sheet-cells';
import { TODAY } from './school-fixtures';

const brief = async (rows: SheetCell[][]) =>
  (await parseSchoolSheet(rows, { today: TODAY, pause: () => Promise.resolve() })).rows.map((r) => [
    r.line, r.firstName, r.lastName, r.dateOfBirth, r.ssid.value, r.schoolStudentId,
  ]);

describe('cellText', () => {
  it.each<[SheetCell, string]>([
    [null, ''],
    ['  Garcia ', '  Garcia '],
    [new Date(Date.UTC(2011, 2, 7)), '2011-03-07'],
    // A date with a time of day keeps its day: the reader's dates are UTC, never shifted to local time.
    [new Date(Date.UTC(2011, 2, 7, 23, 59)), '2011-03-07'],
    [1234567891, '1234567891'],
    [40609, '40609'],
    [20110307, '20110307'],
    [true, 'true'],
  ])('%j -> %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('parseSchoolSheet: a sheet read the same way as a CSV', () => {
  it('reads date cells, day numbers and CCYYMMDD in number cells, and SSIDs stored as numbers or text', async () => {
    expect(
      await brief([
        ['Bayview Middle School: SSID return'],
        [],
        ['Last Name', 'First Name', 'Birthdate', 'SSID', 'Student ID'],
        ['Garcia', 'Ana', new Date(Date.UTC(2012, 2, 10)), 3120558741, 100234],
        ['Kim', 'Noah', 40609, '0012345678', null],
        ['Tran', 'Kevin', 20110404, '3456789012', 'X-77'],
        [null, null, null, null, null],
      ]),
    ).toEqual([
      [4, 'Ana', 'Garcia', '2012-03-10', '3120558741', '100234'],
      [5, 'Noah', 'Kim', '2011-03-07', '0012345678', ''],
      [6, 'Kevin', 'Tran', '2011-04-04', '3456789012', 'X-77'],
    ]);
  });

  it('says which columns a sheet lacks, as for a CSV', async () => {
    const result = await parseSchoolSheet([['Notes'], ['Sent to the district on Monday']], { today: TODAY });
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.message).join(' ')).toContain('No column for');
  });

  it('keeps the digits Excel kept: a number cell that lost its leading zero is flagged, never padded', async () => {
    const result = await parseSchoolSheet([['First', 'Last', 'DOB', 'SSID'], ['Ana', 'Garcia', '3/10/2012', 123456789]], { today: TODAY });
    const ssid = result.rows[0]?.ssid;
    expect(ssid?.value).toBeNull();
    expect(ssid?.warnings.map((w) => w.code)).toContain('ssid_leading_zero');
  });
});
