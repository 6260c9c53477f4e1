import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankFields } from '../../src/shared/application';
import { rekeyIssue, validateApplication } from '../../src/shared/validate';
import { keyingSlips } from './keying-slips';

const tenDigits = fc.stringMatching(/^\d{10}$/);

describe('the blind re-key rule', () => {
  it('refuses every single-digit change and every adjacent swap, at every position', () => {
    fc.assert(
      fc.property(tenDigits, (ssid) => {
        const slips = keyingSlips(ssid);
        // 10 positions x 9 other digits, plus one swap per adjacent pair that differs.
        expect(slips.length).toBeGreaterThanOrEqual(90);
        for (const slip of slips) expect(rekeyIssue(ssid, slip)?.code).toBe('ssid_rekey_mismatch');
      }),
      { numRuns: 200 },
    );
  });

  it('blocks confirmation of a record whose re-key has any such slip', () => {
    fc.assert(
      fc.property(tenDigits, (ssid) => {
        const fields = blankFields({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '2011-03-07', grade: '8', schoolId: 's', programYear: '2025-26', ssid });
        for (const slip of keyingSlips(ssid)) {
          const { errors } = validateApplication(fields, { ssidRekey: slip, ssidChecked: true });
          expect(errors.map((e) => e.code)).toContain('ssid_rekey_mismatch');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('accepts the same number keyed again, with or without spaces and dashes', () => {
    fc.assert(
      fc.property(tenDigits, (ssid) => {
        expect(rekeyIssue(ssid, ssid)).toBeNull();
        expect(rekeyIssue(ssid, `${ssid.slice(0, 3)}-${ssid.slice(3, 6)} ${ssid.slice(6)}`)).toBeNull();
      }),
    );
  });

  it('asks for the second keying when it is blank', () => {
    expect(rekeyIssue('4821937560', '  ')?.code).toBe('ssid_rekey_missing');
  });
});
