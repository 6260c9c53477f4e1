import { describe, expect, it } from 'vitest';
import { makeRecords } from '../../bench/lib/fixtures';
import { toMutations } from '../../bench/lib/mutations';
import { mutationSchema } from '../../src/shared/protocol';
import { validateApplication } from '../../src/shared/validate';

describe('benchmark records', () => {
  const records = makeRecords({ count: 300, schoolIds: ['school-a', 'school-b'] });

  it('are the same in every run, so every peer handles the same bytes', () => {
    expect(makeRecords({ count: 300, schoolIds: ['school-a', 'school-b'] })).toEqual(records);
  });

  it('give every student a different SSID, so the server never sees a conflict', () => {
    expect(new Set(records.map((r) => r.fields.ssid)).size).toBe(records.length);
  });

  it('are mutations the server must accept', () => {
    for (const mutation of toMutations(records, 1, '2025-09-02T16:00:00.000Z')) {
      expect(mutationSchema.safeParse(mutation).success).toBe(true);
    }
  });

  it('pass the checks a tablet makes before Confirm (a birth date usual for the grade among them), so the bench confirms every one', () => {
    for (const { fields } of records) {
      const { errors } = validateApplication(fields, { ssidRekey: fields.ssid, ssidChecked: false, today: '2025-09-02' });
      expect(errors).toEqual([]);
    }
  });

  it('use only the schools they were given', () => {
    expect(new Set(records.map((r) => r.fields.schoolId))).toEqual(new Set(['school-a', 'school-b']));
  });
});
