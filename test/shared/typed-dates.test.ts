import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confirmedApplicationSchema, blankFields } from '../../src/shared/application';
import { validateApplication } from '../../src/shared/validate';
import { dateInWords, isCompleteTypedDate, readTypedDate, storedDateProblem, typedForm } from '../../src/shared/typed-dates';

const TODAY = '2026-12-01';
const birth = (input: string) => readTypedDate(input, TODAY, 'birth');

describe('readTypedDate', () => {
  it.each([
    ['03152013', '2013-03-15'],
    ['3/15/2013', '2013-03-15'],
    ['1/5/2013', '2013-01-05'],
    ['1/05/2013', '2013-01-05'],
    ['03/15/2013', '2013-03-15'],
    ['03/15/13', '2013-03-15'],
    ['3-15-2013', '2013-03-15'],
    ['2013-03-15', '2013-03-15'],
    ['2013-3-5', '2013-03-05'],
    [' 03/15/2013 ', '2013-03-15'],
    ['02/29/2012', '2012-02-29'],
    ['12/31/1900', '1900-12-31'],
  ])('reads %j typed into a birth date as %s', (input, iso) => {
    expect(birth(input)).toEqual({ ok: true, iso });
  });

  it.each([
    ['', 'date_empty', 'Type the date as MM/DD/YYYY.'],
    ['0315', 'date_unreadable', 'month first'],
    ['30315-03-15', 'date_unreadable', 'month first'],
    ['15/03/2013', 'date_no_month', 'no month 15'],
    ['00/15/2013', 'date_no_month', 'no month 0'],
    ['03/00/2013', 'date_no_day', 'March 2013 has no day 0'],
    ['02/30/2013', 'date_no_day', 'February 2013 has no day 30'],
    ['02/29/2013', 'date_no_day', 'no day 29'],
    ['03/15/1899', 'date_year_range', 'The year 1899 is not between 1900 and 2026.'],
    ['03/15/2027', 'date_year_range', 'The year 2027'],
    ['03152113', 'date_year_range', 'The year 2113'],
  ])('refuses %j (%s) with a sentence that names the problem', (input, code, words) => {
    const read = birth(input);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.code).toBe(code);
      expect(read.problem.message).toContain(words);
    }
  });

  it('reads a two-digit year of a birth date with the school-return century rule', () => {
    expect(birth('03/15/23')).toEqual({ ok: true, iso: '2023-03-15' });
    expect(birth('03/15/24')).toEqual({ ok: true, iso: '1924-03-15' });
  });

  it('reads a two-digit year of any other date as the latest year up to this one', () => {
    expect(readTypedDate('09/02/26', TODAY, 'event')).toEqual({ ok: true, iso: '2026-09-02' });
    expect(readTypedDate('09/02/27', TODAY, 'event')).toEqual({ ok: true, iso: '1927-09-02' });
  });

  it('property: every date from 1900 to today typed in each form reads back as itself', () => {
    const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true });
    fc.assert(
      fc.property(dates, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y = '', m = '', d = ''] = iso.split('-');
        for (const typed of [`${m}${d}${y}`, `${Number(m)}/${Number(d)}/${y}`, `${m}/${d}/${y}`, iso, typedForm(iso)]) {
          expect(readTypedDate(typed, TODAY, 'event')).toEqual({ ok: true, iso });
        }
      }),
    );
  });

  it('property: whatever is typed, the answer is a real ISO date within 1900 to this year, or a problem', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom(...'0123456789/-. a') }), (typed) => {
        const read = birth(typed);
        if (read.ok) {
          expect(storedDateProblem(read.iso, TODAY, 'birth')).toBeNull();
          expect(Number(read.iso.slice(0, 4))).toBeGreaterThanOrEqual(1900);
          expect(read.iso <= `2026-12-31`).toBe(true);
        } else {
          expect(read.problem.message.length).toBeGreaterThan(10);
        }
      }),
    );
  });
});

describe('isCompleteTypedDate', () => {
  const TYPED_FORM = /^(?:\d{8}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))$/;

  it.each([
    ['03152013', true], ['3/15/2013', true], ['3-15-2013', true], ['3.15.2013', true], ['2013-03-15', true], ['2013-3-15', true],
    [' 3/15/2013 ', true], ['13/45/2013', true],
    ['03/15/13', false], ['3/15/201', false], ['2013-03-1', false], ['2013-03', false], ['0315201', false], ['', false], ['March 15', false],
  ])('%j: %s', (typed, complete) => {
    expect(isCompleteTypedDate(typed)).toBe(complete);
  });

  it('property: a complete typing is one the reader knows, and no further key makes it another date', () => {
    fc.assert(
      fc.property(fc.stringMatching(TYPED_FORM), fc.constantFrom(...'0123456789/-.'), (typed, next) => {
        fc.pre(isCompleteTypedDate(typed));
        const read = birth(typed);
        if (!read.ok) expect(read.problem.code).not.toBe('date_unreadable');
        expect(isCompleteTypedDate(typed + next)).toBe(false);
        const grown = birth(typed + next);
        expect(grown.ok ? null : grown.problem.code).toBe('date_unreadable');
      }),
    );
  });
});

describe('storedDateProblem', () => {
  it('accepts what the reader stored and refuses the typing it could not read, in the reader’s words', () => {
    expect(storedDateProblem('2013-03-15', TODAY, 'birth')).toBeNull();
    expect(storedDateProblem('03/15', TODAY, 'birth')?.code).toBe('date_unreadable');
    expect(storedDateProblem('', TODAY, 'birth')?.message).toBe('Type the date as MM/DD/YYYY.');
    // A typing that reads as a date but was never stored as one (the reader stores ISO) cannot leave the tablet.
    expect(storedDateProblem('03/15/2013', TODAY, 'birth')).toEqual({ code: 'date_unreadable', message: expect.stringContaining('Type the date month first') });
  });
});

describe('dateInWords', () => {
  it.each([
    ['2013-03-15', 'March 15, 2013'],
    ['2001-01-05', 'January 5, 2001'],
    ['1999-12-31', 'December 31, 1999'],
  ])('says %s as %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });
});

describe('the confirmed record schema (what the server accepts)', () => {
  const record = (dateOfBirth: string) => ({
    ...blankFields(), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth, grade: '7', schoolId: 's1', programYear: '2026-27',
  });

  it('refuses the year 30315 and a typing it cannot read, and accepts a real birth date', () => {
    expect(confirmedApplicationSchema.safeParse(record('30315-03-15')).success).toBe(false);
    expect(confirmedApplicationSchema.safeParse(record('03/15/20')).success).toBe(false);
    expect(confirmedApplicationSchema.safeParse(record('1850-03-15')).success).toBe(false);
    expect(confirmedApplicationSchema.safeParse(record('2013-03-15')).success).toBe(true);
  });
});

describe('one rule for a birth date after today', () => {
  it('refuses a birth date later this year in the field, in words, and accepts today; other dates are not birth dates', () => {
    expect(birth('12/02/2026')).toEqual({
      ok: false,
      problem: { code: 'date_in_future', message: 'December 2, 2026 is after today: a date of birth cannot be in the future.' },
    });
    expect(birth('12/01/2026')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(readTypedDate('12/02/2026', TODAY, 'event')).toEqual({ ok: true, iso: '2026-12-02' });
  });

  it('property: the date field and record validation refuse the same birth dates', () => {
    const fields = (dateOfBirth: string) =>
      // Ticked, so a baby in grade 7 is not refused by the grade-age rule (grade-age.test.ts) but by this one alone.
      blankFields({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth, grade: '7', schoolId: 's1', programYear: '2026-27', dateOfBirthChecked: 'yes' });
    const day = fc
      .date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const field = readTypedDate(iso, TODAY, 'birth');
        const { errors } = validateApplication(fields(iso), { ssidRekey: '', today: TODAY });
        const refused = errors.find((e) => e.field === 'dateOfBirth');
        expect(refused === undefined).toBe(field.ok);
        if (!field.ok) expect(refused?.message).toBe(field.problem.message);
      }),
    );
  });
});
