import { describe, expect, it } from 'vitest';
import { PROBLEMS, REFUSALS } from '../../src/shared/problems';
import { CONFLICT_CODES, mutationResultSchema, refusal } from '../../src/shared/protocol';

describe('refusal reasons', () => {
  it('gives every conflict code the wire accepts a sentence in the catalogue', () => {
    for (const code of CONFLICT_CODES) expect(REFUSALS[code]).toMatch(/\S/);
  });

  it('builds a reason from the catalogue, with the fields it names', () => {
    expect(refusal('student_removed')).toEqual({ code: 'student_removed', message: REFUSALS.student_removed });
    const fields = [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }];
    expect(refusal('unknown_school', fields)).toEqual({ code: 'unknown_school', message: 'The school is not one of your center’s schools.', fields });
  });

  it('says the same about a taken SSID whether it is a push refusal or an HTTP problem', () => {
    expect(REFUSALS.ssid_taken).toBe(PROBLEMS.ssidTaken.message);
  });

  it('keeps a rejection whose code this build does not know, so a newer server can add one', () => {
    const answer = { mutationId: 1, recordId: 'r', status: 'rejected', reason: { code: 'some_new_rule', message: 'Newer server.' } };
    expect(mutationResultSchema.safeParse(answer).success).toBe(true);
  });
});
