import { describe, expect, it } from 'vitest';
import { blankFields, type ApplicationFields } from '../../src/shared/application';
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
