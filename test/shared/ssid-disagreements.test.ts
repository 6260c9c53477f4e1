import { describe, expect, it } from 'vitest';
import { countSsidDisagreements, type SheetKeyings } from '../../src/shared/ssid-disagreements';
import { REQUIRED_VERIFIED_FIELDS, type Verification } from '../../src/shared/verification-record';

const AT = '2026-03-02T10:00:00.000Z';
const SSID = '9123456780';

/** A verification where the keyers typed every field alike but those given a third keying. */
function verified(third: Partial<Record<(typeof REQUIRED_VERIFIED_FIELDS)[number], true>> = {}, look = false): Verification {
  return {
    enteredBy: 'u-first', verifiedBy: 'u-second', signedInAs: 'u-first', verifiedAt: AT,
    fields: REQUIRED_VERIFIED_FIELDS.map((field) => ({
      field, first: 'x', second: third[field] ? 'y' : 'x', value: 'x', by: 'u-second', at: AT,
      ...(third[field] ? { third: look ? 'z' : 'x' } : {}),
      ...(third[field] && look ? { secondLook: { reading: 'x', by: 'u-third', at: AT } } : {}),
    })),
  };
}
const lookAt = (...fields: string[]): SheetKeyings => ({ secondLook: fields.map((field) => ({ field, values: [SSID, SSID, SSID] })) });

describe('countSsidDisagreements', () => {
  it.each<[string, SheetKeyings[], { settled: number; waiting: number }]>([
    ['no sheet', [], { settled: 0, waiting: 0 }],
    ['sheets typed once, or keyed alike', [{}, { verification: verified() }], { settled: 0, waiting: 0 }],
    ['an SSID the third keying settled', [{ verification: verified({ ssid: true }) }], { settled: 1, waiting: 0 }],
    ['an SSID a look at the paper settled', [{ verification: verified({ ssid: true }, true) }], { settled: 1, waiting: 0 }],
    ['a name the paper settled is no SSID disagreement', [{ verification: verified({ lastName: true }) }], { settled: 0, waiting: 0 }],
    ['an SSID waiting for a second look', [lookAt('ssid', 'firstName')], { settled: 0, waiting: 1 }],
    ['a second look at a birth date only', [lookAt('dateOfBirth')], { settled: 0, waiting: 0 }],
    ['two settled and one waiting', [{ verification: verified({ ssid: true }) }, { verification: verified({ ssid: true, firstName: true }) }, lookAt('ssid')], { settled: 2, waiting: 1 }],
    ['a finished verification stands over a second look left behind', [{ verification: verified(), ...lookAt('ssid') }], { settled: 0, waiting: 0 }],
  ])('%s', (_name, sheets, expected) => {
    expect(countSsidDisagreements(sheets)).toEqual(expected);
  });
});
