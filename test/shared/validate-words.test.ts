/**
 * What validation says and where it points: the field each issue lands on (the
 * form shows it beside that field) and the sentence the advisor reads. Written
 * for the survivors of a mutation run on validate.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankFields, type ApplicationFields } from '../../src/shared/application';
import { validateApplication } from '../../src/shared/validate';

const complete = (overrides: Partial<ApplicationFields> = {}): ApplicationFields =>
  blankFields({
    firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '2011-03-07', grade: '8', schoolId: 'school-1',
    programYear: '2025-26', ssid: '4821937560', ssidSource: 'student_form', ...overrides,
  });

describe('what validation tells the advisor', () => {
  it('asks for the second keying, and says so beside the re-key field', () => {
    expect(validateApplication(complete(), { ssidRekey: ' ' }).errors).toEqual([
      { field: 'ssidRekey', code: 'ssid_rekey_missing', message: 'Re-enter the CA SSID from the paper to confirm it.' },
    ]);
  });

  it('says the two keyings differ without showing either', () => {
    expect(validateApplication(complete(), { ssidRekey: '4821937506' }).errors).toEqual([
      { field: 'ssidRekey', code: 'ssid_rekey_mismatch', message: 'The two keyings differ: read the paper again and re-enter it.' },
    ]);
  });

  it('says a date of birth after today is in the future, even when other fields are wrong too', () => {
    const { errors } = validateApplication(complete({ firstName: '', dateOfBirth: '2026-12-01' }), { ssidRekey: '4821937560', today: '2026-11-28' });
    expect(errors.find((e) => e.field === 'dateOfBirth')).toEqual({
      field: 'dateOfBirth', code: 'date_in_future', message: 'December 1, 2026 is after today: a date of birth cannot be in the future.',
    });
    expect(errors.some((e) => e.field === 'firstName')).toBe(true);
  });

  it('does not call a date of birth of today in the future', () => {
    const { errors } = validateApplication(complete({ dateOfBirth: '2026-11-28' }), { ssidRekey: '4821937560', today: '2026-11-28' });
    expect(errors.map((e) => e.code)).not.toContain('date_in_future');
  });

  describe('a form left open past midnight', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('checks an unchanged date against the new day, not the verdict of the day before', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
      // One fields object, as a draft keeps its untouched values: only the day changes.
      const fields = complete({ dateOfBirth: '2026-12-02' });
      const onDob = () => validateApplication(fields, { ssidRekey: '4821937560' }).errors.filter((e) => e.field === 'dateOfBirth').map((e) => e.code);
      expect(onDob()).toContain('invalid_dateOfBirth');

      vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
      expect(onDob()).not.toContain('invalid_dateOfBirth');
    });
  });

  it('treats an SSID of only spaces as no SSID: a warning, not an error', () => {
    expect(validateApplication(complete({ ssid: '   ', ssidSource: '' }), { ssidRekey: '' })).toEqual({
      errors: [],
      warnings: [{ field: 'ssid', code: 'ssid_missing', message: 'No CA SSID: it can be added later from school records.' }],
    });
  });

  it('puts a placeholder warning and the request to look again on the SSID field', () => {
    expect(validateApplication(complete({ ssid: '1111111111' }), { ssidRekey: '1111111111' })).toEqual({
      errors: [{ field: 'ssid', code: 'ssid_unchecked', message: 'Look at the paper again. If it really shows this number, tick “The paper shows this number”.' }],
      warnings: [{ field: 'ssid', code: 'ssid_placeholder', message: 'This looks like a placeholder, not a real CA SSID. Leave it blank if the student does not know it.' }],
    });
  });
});
