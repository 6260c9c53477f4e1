import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDateWarning, expandTwoDigitYear, formatUsDate, isIsoDate, isOneSlipApart, parseDate, todayIso,
} from '../../src/shared/dates';

const TODAY = '2025-09-01';
const read = (input: string) => parseDate(input, { today: TODAY });

describe('parseDate', () => {
  it.each([
    ['3/7/2011', '2011-03-07'],
    ['03/07/2011', '2011-03-07'],
    ['2011-03-07', '2011-03-07'],
    ['2011/3/7', '2011-03-07'],
    ['03/07/11', '2011-03-07'],
    ['3-7-2011', '2011-03-07'],
    ['3.7.2011', '2011-03-07'],
    ['  3/7/2011  ', '2011-03-07'],
    ['3/7/2011 0:00', '2011-03-07'],
    ['3/7/2011 00:00:00', '2011-03-07'],
    ['3/7/2011 12:00:00 AM', '2011-03-07'],
    ['2011-03-07T00:00:00.000Z', '2011-03-07'],
    ['20110307', '2011-03-07'],
    ['07-Mar-11', '2011-03-07'],
    ['7 March 2011', '2011-03-07'],
    ['Mar 7, 2011', '2011-03-07'],
    ['07-SEP-11', '2011-09-07'],
    ['7 Sept 2011', '2011-09-07'],
    ['Dec. 1, 2010', '2010-12-01'],
    ['40609', '2011-03-07'],
    ['2/29/2012', '2012-02-29'],
    ['3/7/2011 12:00:00AM', '2011-03-07'],
    ['  3/7/2011 0:00  ', '2011-03-07'],
    // An hour padded with a space rather than a zero (strftime's %l), as some exports write it.
    ['3/7/2011  0:00', '2011-03-07'],
    ['2011-03-07T00:00:00-08:00', '2011-03-07'],
    ['2011-03-07T00:00:00+0000', '2011-03-07'],
    ['7 March, 2011', '2011-03-07'],
    ['Mar 17, 2011', '2011-03-17'],
    ['Mar 7 2011', '2011-03-07'],
    ['1/1/1900', '1900-01-01'],
    ['9/1/2025', '2025-09-01'],
  ])('reads %j as %s', (input, iso) => {
    expect(read(input)).toEqual({ ok: true, iso });
  });

  it.each([
    ['', 'date_empty'],
    ['   ', 'date_empty'],
    ['soon', 'date_unreadable'],
    ['3/7', 'date_unreadable'],
    ['07-Foo-11', 'date_unreadable'],
    ['2011-3', 'date_unreadable'],
    ['17/3/2011', 'date_day_first'],
    ['2/30/2011', 'date_impossible'],
    ['2/29/2011', 'date_impossible'],
    ['13/13/2011', 'date_impossible'],
    ['0/7/2011', 'date_impossible'],
    ['3/7/1850', 'date_impossible'],
    ['3/7/2030', 'date_in_future'],
    // In the future of the day the caller reads for, even when it is past on the machine's clock.
    ['3/7/2026', 'date_in_future'],
    ['3/0/2011', 'date_impossible'],
    ['13/12/2011', 'date_day_first'],
    ['Foo 7, 2011', 'date_unreadable'],
    // A stray character or digit before or after a date is a cell to check, never a date.
    ['2011-03-071', 'date_unreadable'],
    ['12011-03-07', 'date_unreadable'],
    ['201103071', 'date_unreadable'],
    ['120110307', 'date_unreadable'],
    ['3/7/20111', 'date_unreadable'],
    ['a3/7/2011', 'date_unreadable'],
    ['07-Mar-2011x', 'date_unreadable'],
    ['x07-Mar-11', 'date_unreadable'],
    ['Mar 7, 20111', 'date_unreadable'],
    ['1Mar 7, 2011', 'date_unreadable'],
    ['406091', 'date_unreadable'],
    ['140609', 'date_unreadable'],
  ])('refuses %j with %s and a sentence for the advisor', (input, code) => {
    const result = read(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.message.length).toBeGreaterThan(10);
    }
  });

  it('property: any real date written M/D/YYYY, MM/DD/YYYY or YYYY-MM-DD reads back as itself', () => {
    const dates = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2025-08-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(dates, (date) => {
      const iso = date.toISOString().slice(0, 10);
      const [y, m, d] = iso.split('-');
      for (const written of [`${Number(m)}/${Number(d)}/${y}`, `${m}/${d}/${y}`, iso, ` ${Number(m)}/${Number(d)}/${y} 0:00 `]) {
        expect(read(written)).toEqual({ ok: true, iso });
      }
    }));
  });
});

describe('expandTwoDigitYear', () => {
  it.each([
    [11, 2025, 2011],
    [22, 2025, 2022],
    [23, 2025, 1923],
    [99, 2025, 1999],
    [0, 2025, 2000],
    [5, 2031, 2005],
    [30, 2031, 1930],
  ])('reads %d in %d as %d (the child at least 3 years old)', (yy, thisYear, expected) => {
    expect(expandTwoDigitYear(yy, thisYear)).toBe(expected);
  });
});

describe('birthDateWarning', () => {
  it.each([
    ['2011-03-07', null],
    ['2022-08-31', null],
    ['2003-09-01', null],
    ['2023-01-01', 'date_implausible'],
    ['1923-01-01', 'date_implausible'],
  ])('for %s gives %s', (iso, code) => {
    expect(birthDateWarning(iso, TODAY)?.code ?? null).toBe(code);
  });

  it.each([
    // The age counts whole years: 22 until the birthday, 23 from the birthday itself.
    ['2002-09-02', null],
    ['2002-09-01', 'Unusual for a K-12 student: that makes the student 23 years old.'],
    ['2023-01-01', 'Unusual for a K-12 student: that makes the student 2 years old.'],
  ])('for %s says %s', (iso, message) => {
    expect(birthDateWarning(iso, TODAY)?.message ?? null).toBe(message);
  });
});

describe('isOneSlipApart', () => {
  it.each([
    ['2011-05-13', '2011-05-31', true],
    ['2011-05-13', '2011-05-18', true],
    ['2011-03-07', '2011-07-03', true],
    ['2011-01-01', '2011-01-13', false],
    ['2011-03-07', '2011-03-07', false],
    ['2011-03-07', '2012-04-07', false],
    ['2011-03-03', '2011-03-03', false],
    ['2011-02-29', '2011-02-28', false],
    ['2011-02-28', '2011-02-29', false],
    ['2011-03-07', '2012-07-03', false],
    ['2011-03-07', '2011-05-03', false],
    ['2011-01-02', '2011-10-03', false],
    ['2011-01-12', '2011-02-11', false],
    ['2011-05-13', '2011-05-21', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isOneSlipApart(a, b)).toBe(expected);
  });
});

describe('formatUsDate and isIsoDate', () => {
  it('writes month/day/year with leading zeros', () => {
    expect(formatUsDate('2011-03-07')).toBe('03/07/2011');
  });
  it.each([
    ['2011-03-07', true], ['2011-02-29', false], ['2011-3-7', false], ['', false],
    ['2011-01-01', true], ['2011-12-31', true], ['2011-00-07', false], ['2011-13-07', false], ['2011-03-00', false],
    ['x2011-03-07', false], ['2011-03-07x', false],
  ])('%j is ISO: %s', (v, ok) => {
    expect(isIsoDate(v)).toBe(ok);
  });
});

describe('todayIso', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2025, 2, 7, 23, 59))).toBe('2025-03-07');
    expect(todayIso(new Date(2025, 11, 31))).toBe('2025-12-31');
  });
});
