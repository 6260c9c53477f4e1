import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankFields, confirmedApplicationSchema, type ApplicationFields } from '../../src/shared/application';
import { todayIso } from '../../src/shared/dates';
import { validateApplication } from '../../src/shared/validate';

const complete = (overrides: Partial<ApplicationFields> = {}): ApplicationFields =>
  blankFields({
    firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '2011-03-07', grade: '8', schoolId: 'school-1',
    programYear: '2025-26', ssid: '4821937560', ssidSource: 'student_form', ...overrides,
  });

const fieldsWithErrors = (fields: ApplicationFields, ssidRekey = '4821937560') =>
  validateApplication(fields, { ssidRekey, today: '2026-11-28' }).errors.map((e) => `${e.field}:${e.code}`);

describe('validateApplication', () => {
  it('finds nothing wrong with a complete form whose SSID was keyed twice alike', () => {
    expect(fieldsWithErrors(complete())).toEqual([]);
  });

  it('names each missing required field once', () => {
    const errors = fieldsWithErrors(blankFields(), '');
    for (const field of ['firstName', 'lastName', 'dateOfBirth', 'grade', 'schoolId', 'programYear']) {
      expect(errors.filter((e) => e.startsWith(`${field}:`))).toHaveLength(1);
    }
  });

  it('blocks confirmation until the SSID is keyed a second time', () => {
    expect(fieldsWithErrors(complete(), '')).toEqual(['ssidRekey:ssid_rekey_missing']);
  });

  it('blocks confirmation when the two keyings differ, e.g. two digits swapped', () => {
    expect(fieldsWithErrors(complete(), '4812937560')).toEqual(['ssidRekey:ssid_rekey_mismatch']);
  });

  it('accepts a re-key written with different spacing', () => {
    expect(fieldsWithErrors(complete(), '4821 937 560')).toEqual([]);
  });

  it('reports the SSID rule, not a schema message, for a wrong SSID', () => {
    const result = validateApplication(complete({ ssid: '482193756' }), { ssidRekey: '482193756' });
    expect(result.errors).toEqual([{ field: 'ssid', code: 'ssid_too_short', message: '9 digits: one is missing. A CA SSID has 10.' }]);
  });

  it('lets a record without SSID be ready, with a warning', () => {
    const result = validateApplication(complete({ ssid: '' }), { ssidRekey: '' });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['ssid_missing']);
  });

  it('warns when the SSID equals the School Student ID', () => {
    const result = validateApplication(complete({ schoolStudentId: '4821937560' }), { ssidRekey: '4821937560' });
    expect(result.warnings.map((w) => w.code)).toContain('ssid_equals_local_id');
  });

  it.each([
    [{ dateOfBirth: '2011-02-30' }, 'dateOfBirth:invalid_dateOfBirth'],
    [{ dateOfBirth: '2030-01-01' }, 'dateOfBirth:invalid_dateOfBirth'],
    [{ dateOfBirth: '30315-03-15' }, 'dateOfBirth:invalid_dateOfBirth'],
    [{ dateOfBirth: '2026-11-30' }, 'dateOfBirth:date_in_future'],
    [{ email: 'not-an-email' }, 'email:invalid_email'],
    [{ zip: '9410' }, 'zip:invalid_zip'],
    [{ programYear: '2025-27' }, 'programYear:invalid_programYear'],
    [{ grade: '13' }, 'grade:invalid_grade'],
  ])('refuses %j', (overrides, expected) => {
    expect(fieldsWithErrors(complete(overrides))).toEqual([expected]);
  });
});

describe('SSID warnings that need a second look at the paper', () => {
  it.each([
    ['equal to the School Student ID', { ssid: '4821937560', schoolStudentId: '4821937560' }, '4821937560'],
    ['a placeholder', { ssid: '1111111111' }, '1111111111'],
  ])('block confirmation when the SSID is %s, until the advisor ticks that the paper shows it', (_case, overrides, rekey) => {
    const fields = complete(overrides);
    const unchecked = validateApplication(fields, { ssidRekey: rekey });
    expect(unchecked.errors.map((e) => e.code)).toEqual(['ssid_unchecked']);
    const checked = validateApplication(fields, { ssidRekey: rekey, ssidChecked: true });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings.length).toBeGreaterThan(0);
  });

  it('block confirmation of an SSID another student holds until checked', () => {
    const ctx = { ssidRekey: '4821937560', ssidTakenBy: 'Luis Ortega' };
    expect(validateApplication(complete(), ctx).errors.map((e) => e.code)).toEqual(['ssid_unchecked']);
    expect(validateApplication(complete(), { ...ctx, ssidChecked: true }).errors).toEqual([]);
  });
});

describe('validateApplication field by field', () => {
  /** The schema's verdict on the whole object at once: each field's first problem, the SSID left to its own rules. */
  const wholeObjectProblems = (fields: ApplicationFields) => {
    const parsed = confirmedApplicationSchema.safeParse(fields);
    const seen = new Set<string>();
    const out: string[] = [];
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'ssid' || seen.has(field)) continue;
      seen.add(field);
      out.push(`${field}:invalid_${field}:${issue.message}`);
    }
    return out;
  };
  const fieldProblems = (fields: ApplicationFields) =>
    validateApplication(fields, { ssidRekey: fields.ssid, today: todayIso() }).errors
      .filter((e) => e.code.startsWith('invalid_'))
      .map((e) => `${e.field}:${e.code}:${e.message}`);

  const VALUES = ['', ' ', 'Ana', '2011-03-07', '2011-02-30', '1890-01-01', '8', '13', '2025-26', '2025-27', 'a@b.co', 'not-mail', '94110', '9411', 'x'.repeat(90)];
  const FIELDS = Object.keys(blankFields()) as (keyof ApplicationFields)[];
  const edit = fc.record({ field: fc.constantFrom(...FIELDS.filter((f) => f !== 'ethnicity')), value: fc.constantFrom(...VALUES) });

  it('finds, as each field is typed, the same problems as the schema checking the whole form', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        let fields = complete();
        for (const { field, value } of edits) {
          // One field changed at a time, the others kept as they were: a draft as the entry form types it.
          fields = { ...fields, [field]: value };
          expect(fieldProblems(fields)).toEqual(wholeObjectProblems(fields));
        }
      }),
    );
  });
});
