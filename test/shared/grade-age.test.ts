import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blankFields, confirmedApplicationSchema } from '../../src/shared/application';
import { GRADE_AGE_SLACK, gradeAgeWarning, programYearReferenceDate } from '../../src/shared/grade-age';
import { validateApplication } from '../../src/shared/validate';

describe('gradeAgeWarning: age on September 1 of the program year against grade + 5, two years of slack', () => {
  it.each([
    // Usual ages and the edges of the slack for grade 8 in 2026-27 (usual 13 on 2026-09-01).
    ['2013-03-15', '8', '2026-27', null],
    ['2011-09-01', '8', '2026-27', null], // 15 on the day: two over
    ['2010-09-01', '8', '2026-27', 'A student in grade 8 is usually 13; this date makes them 16. Check the paper.'],
    ['2015-09-01', '8', '2026-27', null], // 11 on the day: two under
    ['2015-09-02', '8', '2026-27', 'A student in grade 8 is usually 13; this date makes them 10. Check the paper.'],
    ['2017-03-15', '8', '2026-27', 'A student in grade 8 is usually 13; this date makes them 9. Check the paper.'],
    ['2021-03-15', 'K', '2026-27', null],
    ['2017-03-15', 'K', '2026-27', 'A student in kindergarten is usually 5; this date makes them 9. Check the paper.'],
    ['1986-03-15', '12', '2026-27', 'A student in grade 12 is usually 17; this date makes them 40. Check the paper.'],
    // Nothing to say until the date, grade and program year can be read.
    ['2017-03-15', '', '2026-27', null],
    ['03/15/2017', '8', '2026-27', null],
    ['2017-03-15', '8', '', null],
    ['2027-03-15', '8', '2026-27', null],
  ])('born %s, grade %j, %s: %j', (dob, grade, year, message) => {
    expect(gradeAgeWarning(dob, grade, year)?.message ?? null).toBe(message);
  });

  it('reads the reference date from the program year', () => {
    expect(programYearReferenceDate('2026-27')).toBe('2026-09-01');
    expect(programYearReferenceDate('26-27')).toBeNull();
  });

  it('warns exactly when the age on the reference date is more than the slack from the grade’s usual age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: -4, max: 8 }), fc.integer({ min: 0, max: 364 }), (g, startYear, offset, dayOfYear) => {
        // At least a year old on the reference date (a later birth date is the future-date rule's).
        const age = g + 5 + offset;
        // Born `age` years and `dayOfYear` days before September 1: exactly `age` on that day.
        const birth = new Date(Date.UTC(startYear - age, 8, 1) - dayOfYear * 86_400_000).toISOString().slice(0, 10);
        const year = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
        const warned = gradeAgeWarning(birth, g === 0 ? 'K' : String(g), year) !== null;
        expect(warned).toBe(Math.abs(offset) > GRADE_AGE_SLACK);
      }),
    );
  });
});

describe('a birth date unusual for the grade: the tablet asks, the server takes the record', () => {
  const record = (dateOfBirthChecked: string) => ({
    ...blankFields(), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '2017-03-15', grade: '8', schoolId: 's1', programYear: '2026-27', dateOfBirthChecked,
  });
  const dobIssues = (fields: ReturnType<typeof record>) => {
    const result = validateApplication(fields, { ssidRekey: fields.ssid, today: '2026-12-01' });
    return { errors: result.errors.filter((e) => e.field === 'dateOfBirth'), warnings: result.warnings.filter((w) => w.field === 'dateOfBirth') };
  };

  it('blocks confirming on the tablet without "The paper shows this", saying why on the birth date', () => {
    expect(dobIssues(record('')).errors).toEqual([
      {
        field: 'dateOfBirth',
        code: 'dob_unchecked',
        message: 'A student in grade 8 is usually 13; this date makes them 9. Check the paper. If it really shows this date, tick “The paper shows this”.',
      },
    ]);
  });

  it('is a warning only once ticked, and nothing for a usual date', () => {
    const ticked = dobIssues(record('yes'));
    expect(ticked.errors).toEqual([]);
    expect(ticked.warnings.map((w) => w.message)).toEqual(['A student in grade 8 is usually 13; this date makes them 9. Check the paper.']);
    expect(dobIssues({ ...record(''), dateOfBirth: '2013-03-15' })).toEqual({ errors: [], warnings: [] });
  });

  it('is accepted by the server with or without the tick: records confirmed before the tick existed, online re-enrollments and approvals have no paper to tick', () => {
    expect(confirmedApplicationSchema.safeParse(record('')).success).toBe(true);
    expect(confirmedApplicationSchema.safeParse(record('yes')).success).toBe(true);
    const older: Record<string, unknown> = { ...record('') };
    delete older.dateOfBirthChecked;
    expect(confirmedApplicationSchema.safeParse(older).success).toBe(true);
  });
});
