import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankFields, type ConfirmedApplication } from '../../src/shared/application';
import { mutationSchema } from '../../src/shared/protocol';
import {
  ADDABLE_VERIFIED_FIELDS, addedFieldsIn, disagreements, REQUIRED_VERIFIED_FIELDS, verificationProblems, verificationSchema, verifiedFieldsOf, type Verification, type VerifiedField,
} from '../../src/shared/verification-record';
import { canonicalKeying } from '../../src/shared/verification';

const AT = '2026-03-02T10:00:00.000Z';
const app = {
  ...blankFields(), firstName: 'Ana', lastName: 'de la Cruz', dateOfBirth: '2011-04-02', ssid: '9123456780',
} as ConfirmedApplication;

/** Ana's sheet keyed the same by both, with `change` made to one field's keyings. */
function verified(change: Partial<Record<string, Partial<Verification['fields'][number]>>> = {}, people: Partial<Verification> = {}): Verification {
  return {
    enteredBy: 'u-first', verifiedBy: 'u-second', signedInAs: 'u-first', verifiedAt: AT,
    fields: REQUIRED_VERIFIED_FIELDS.map((field) => ({ field, first: app[field], second: app[field], value: app[field], by: 'u-second', at: AT, ...change[field] })),
    ...people,
  };
}

describe('verificationProblems', () => {
  it.each<[string, Verification, string[]]>([
    ['both keyers typed every field the same', verified(), []],
    ['spaces and dashes in one SSID keying are no disagreement', verified({ ssid: { first: '912-345 6780' } }), []],
    ['an SSID the paper settled for the second keying', verified({ ssid: { first: '9123456708', third: '9123456780' } }), []],
    ['a name the paper settled for the first keying', verified({ lastName: { second: 'de la Crux', third: 'de la Cruz' } }), []],
    ['one person keyed both entries', verified({}, { verifiedBy: 'u-first' }), ['verifiedBy']],
    ['the first keyer settled their own entry', verified({ ssid: { first: '9123456708', third: '9123456780', by: 'u-first' } }), ['ssid']],
    ['two keyings that differ with no third', verified({ ssid: { first: '9123456708' } }), ['ssid']],
    ['a third keying agreeing with neither', verified({ ssid: { first: '9123456708', third: '9123456700' } }), ['ssid']],
    ['a third keying where the first two agreed', verified({ ssid: { third: '9123456780' } }), ['ssid']],
    ['a value that stands that the keyings do not give', verified({ dateOfBirth: { value: '2011-02-04' } }), ['dateOfBirth']],
    ['keyings that agree on another value than the record carries', verified({ firstName: { first: 'Ann', second: 'Ann', value: 'Ann' } }), ['firstName']],
    ['an SSID resolved by a look at the paper, by a third person', verified({ ssid: { first: '9123456708', third: '9123456700', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } }), []],
    ['an SSID resolved by the verifier’s look', verified({ ssid: { first: '9123456708', third: '9123456700', secondLook: { reading: '9123456780', by: 'u-second', at: AT } } }), []],
    ['a look by the first keyer', verified({ ssid: { first: '9123456708', third: '9123456700', secondLook: { reading: '9123456780', by: 'u-first', at: AT } } }), ['ssid']],
    ['a look where the third keying had settled the field', verified({ ssid: { first: '9123456708', third: '9123456780', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } }), ['ssid']],
    ['a look reading a value none keyed, typed once', verified({ ssid: { first: '9123456708', second: '9123456700', third: '9123456701', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } }), ['ssid']],
    ['a look reading a value none keyed, typed twice alike', verified({ ssid: { first: '9123456708', second: '9123456700', third: '9123456701', secondLook: { reading: '9123456780', again: '9123456780', by: 'u-third', at: AT } } }), []],
    ['a last name at a second look with no look yet', verified({ lastName: { first: 'de la Crux', second: 'de la Cruc', third: 'de la Cruz' } }), ['lastName']],
    ['a field keyed twice and another not at all', { ...verified(), fields: verified().fields.map((f) => (f.field === 'lastName' ? { ...f, field: 'firstName' as const } : f)) },
      ['firstName', 'lastName']],
  ])('%s', (_label, verification, fields) => {
    expect(verificationProblems(app, verification).map((p) => p.field)).toEqual(fields);
  });

  // The refusal's fields are what the advisor reads under "Needs attention" (verification_invalid).
  const notSettled = 'The keyings of this field were not settled from the paper.';
  it.each<[string, Verification, { field: string; message: string }[]]>([
    ['one person keyed both entries', verified({}, { verifiedBy: 'u-first' }),
      [{ field: 'verifiedBy', message: 'The same person may not key both entries of a sheet.' }]],
    ['a field keyed twice and another not at all', { ...verified(), fields: verified().fields.map((f) => (f.field === 'lastName' ? { ...f, field: 'firstName' as const } : f)) },
      [{ field: 'firstName', message: 'Each verified field is keyed once by each keyer.' }, { field: 'lastName', message: 'Each verified field is keyed once by each keyer.' }]],
    ['the first keyer settled their own entry', verified({ ssid: { first: '9123456708', third: '9123456780', by: 'u-first' } }),
      [{ field: 'ssid', message: 'The first keyer may not settle their own entry.' }]],
    ['two keyings that differ with no third', verified({ ssid: { first: '9123456708' } }), [{ field: 'ssid', message: notSettled }]],
    ['a third keying agreeing with neither, with no look', verified({ ssid: { first: '9123456708', third: '9123456700' } }), [{ field: 'ssid', message: notSettled }]],
    ['a look reading a value none keyed, typed once', verified({ ssid: { first: '9123456708', second: '9123456700', third: '9123456701', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } }),
      [{ field: 'ssid', message: notSettled }]],
    ['a third keying where the first two agreed', verified({ ssid: { third: '9123456780' } }),
      [{ field: 'ssid', message: 'A third keying is made only where the first two differ.' }]],
    ['a look where the third keying had settled the field', verified({ ssid: { first: '9123456708', third: '9123456780', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } }),
      [{ field: 'ssid', message: 'A second look is taken only where the third keying agreed with neither.' }]],
    ['a value that stands that the keyings do not give', verified({ dateOfBirth: { value: '2011-02-04' } }),
      [{ field: 'dateOfBirth', message: 'The value that stands is not the one the keyings give.' }]],
    ['keyings that agree on another value than the record carries', verified({ firstName: { first: 'Ann', second: 'Ann', value: 'Ann' } }),
      [{ field: 'firstName', message: 'The record does not carry the verified value.' }]],
  ])('tells the advisor why, field by field: %s', (_label, verification, problems) => {
    expect(verificationProblems(app, verification)).toEqual(problems);
  });

  it('gives the same answer whichever keyer is taken as first', () => {
    const keying = fc.constantFrom('9123456780', '9123456708', '9123456700', '');
    fc.assert(fc.property(keying, keying, fc.option(keying, { nil: undefined }), (a, b, c) => {
      const one = verified({ ssid: { first: a, second: b, third: c } });
      const other = verified({ ssid: { first: b, second: a, third: c } });
      expect(verificationProblems(app, one)).toEqual(verificationProblems(app, other));
    }));
  });

  it('takes no verification whose standing SSID differs from the record’s, whatever the keyings', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 }), (ssid) => {
      fc.pre(ssid !== app.ssid);
      expect(verificationProblems(app, verified({ ssid: { first: ssid, second: ssid, value: ssid } }))).not.toEqual([]);
    }));
  });
});

describe('an SSID the paper cannot give', () => {
  it('stands blank on a record without an SSID, and not on a record that carries one', () => {
    const unreadable = verified({ ssid: { first: '9123456708', third: '9123456700', value: '', secondLook: { reading: '', by: 'u-third', at: AT } } });
    expect(verificationProblems({ ...app, ssid: '' }, unreadable)).toEqual([]);
    expect(verificationProblems(app, unreadable).map((p) => p.field)).toEqual(['ssid']);
  });
});

describe('disagreements', () => {
  it('counts the fields the paper settled and says whether the SSID was one', () => {
    expect(disagreements(verified())).toEqual({ fields: 0, ssid: false });
    expect(disagreements(verified({ lastName: { second: 'de la Crux', third: 'de la Cruz' } }))).toEqual({ fields: 1, ssid: false });
    expect(disagreements(verified({
      ssid: { first: '9123456708', third: '9123456780' }, lastName: { second: 'de la Crux', third: 'de la Cruz' },
    }))).toEqual({ fields: 2, ssid: true });
  });
});

describe('the wire', () => {
  it('takes a mutation without a verification (typed once), one with it, and one with a look at the paper, who named', () => {
    const base = {
      mutationId: 1, recordId: '0190a0a0-0000-7000-8000-000000000001', studentId: '0190a0a0-0000-7000-8000-000000000002', version: 1,
      baseServerVersion: null, ssidSource: 'student_form', confirmedAt: AT,
      application: { ...app, grade: '8', schoolId: 's1', programYear: '2025-26', ssidSource: 'student_form' },
    };
    expect(mutationSchema.safeParse(base).success).toBe(true);
    expect(mutationSchema.parse({ ...base, verification: verified() }).verification?.verifiedBy).toBe('u-second');
    expect(mutationSchema.safeParse({ ...base, verification: { ...verified(), fields: [] } }).success).toBe(false);
    const looked = verified({ ssid: { first: '9123456708', third: '9123456700', secondLook: { reading: '9123456780', by: 'u-third', at: AT } } });
    expect(mutationSchema.parse({ ...base, verification: looked }).verification?.fields[0]?.secondLook?.by).toBe('u-third');
    expect(mutationSchema.safeParse({ ...base, verification: verified({ ssid: { secondLook: { reading: '9123456780', by: '', at: AT } } }) }).success).toBe(false);
  });
});

describe('fields a center added', () => {
  const withPhone = { ...app, phone: '(408) 555-0142', guardianName: 'Rosa Cruz' } as ConfirmedApplication;
  const keyed = (field: VerifiedField, first: string, second: string, third?: string): Verification['fields'][number] => ({
    field, first, second, ...(third === undefined ? {} : { third }), value: canonicalKeying(field, third ?? second), by: 'u-second', at: AT,
  });

  it.each<[string, Verification['fields'], string[]]>([
    ['a phone keyed with other punctuation agrees', [keyed('phone', '(408) 555-0142', '408 555 0142')], []],
    ['a parent’s name the paper settled', [keyed('guardianName', 'Rosa Cruz', 'Rosa Crux', 'Rosa Cruz')], []],
    ['a parent’s name that differs with no third keying', [{ ...keyed('guardianName', 'Rosa Cruz', 'Rosa Crux'), value: 'Rosa Cruz' }], ['guardianName']],
    ['an added field keyed twice', [keyed('phone', '4085550142', '4085550142'), keyed('phone', '4085550142', '4085550142')], ['phone']],
    ['an added field that agrees on another value than the record carries', [keyed('phone', '4085550199', '4085550199')], ['phone']],
  ])('%s', (_label, added, fields) => {
    const verification = { ...verified(), fields: [...verified().fields, ...added] };
    expect(verificationSchema.safeParse(verification).success).toBe(true);
    expect(verificationProblems(withPhone, verification).map((p) => p.field)).toEqual(fields);
  });

  it('refuses a field no center may add, and a verification that leaves out one of the four', () => {
    const grade = { ...verified(), fields: [...verified().fields, { ...verified().fields[0]!, field: 'grade' }] };
    expect(verificationSchema.safeParse(grade).success).toBe(false);
    const noBirthDate = { ...verified(), fields: [...verified().fields.filter((f) => f.field !== 'dateOfBirth'), keyed('phone', '4085550142', '4085550142')] };
    expect(verificationProblems(withPhone, noBirthDate).map((p) => p.field)).toEqual(['dateOfBirth']);
  });

  it('asks every field a sheet was sent to be verified with, as it asks the four, and no other added one', () => {
    const four = verified();
    const withPhoneKeyed = { ...four, fields: [...four.fields, keyed('phone', '4085550142', '4085550142')] };
    expect(verificationProblems(withPhone, four, ['phone', 'guardianName']).map((p) => p.field)).toEqual(['phone', 'guardianName']);
    expect(verificationProblems(withPhone, withPhoneKeyed, ['phone']).map((p) => p.field)).toEqual([]);
    expect(verificationProblems(withPhone, withPhoneKeyed, []).map((p) => p.field)).toEqual([]);
    expect(verificationProblems(withPhone, four, []).map((p) => p.field)).toEqual([]);
  });
});

describe('a sheet sent to be verified on another tablet, on the wire', () => {
  const sent = (fields: unknown) => mutationSchema.safeParse({
    mutationId: 1, recordId: '0190a0a0-0000-7000-8000-000000000001', studentId: '0190a0a0-0000-7000-8000-000000000002', version: 1,
    baseServerVersion: null, ssidSource: 'student_form', confirmedAt: AT,
    application: { ...app, grade: '8', schoolId: 's1', programYear: '2025-26', ssidSource: 'student_form' },
    verifyElsewhere: { batchId: '0190a0a0-0000-7000-8000-000000000003', sheet: 2, ...(fields === undefined ? {} : { fields }) },
  });

  it.each<[string, unknown, boolean]>([
    ['without added fields, as an older tablet sends it', undefined, true],
    ['with none', [], true],
    ['with the fields its batch added', ['schoolStudentId', 'phone'], true],
    ['with a field named twice', ['phone', 'phone'], false],
    ['with a field no center may add', ['grade'], false],
    ['with one of the four, always verified', ['ssid'], false],
  ])('%s', (_label, fields, ok) => {
    expect(sent(fields).success).toBe(ok);
  });

  it('keeps the fields as sent', () => {
    expect(sent(['guardianPhone', 'middleName']).data?.verifyElsewhere?.fields).toEqual(['guardianPhone', 'middleName']);
  });
});

describe('addedFieldsIn', () => {
  it('reads the added fields a stored list names, in the paper’s order, each once, and nothing from anything else', () => {
    expect(addedFieldsIn(['phone', 'schoolStudentId', 'phone', 'grade', 7])).toEqual(['schoolStudentId', 'phone']);
    expect(addedFieldsIn(undefined)).toEqual([]);
    expect(addedFieldsIn('phone')).toEqual([]);
  });
});

describe('verifiedFieldsOf', () => {
  it('is always the four, then the center’s additions in the paper’s order, each once', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ADDABLE_VERIFIED_FIELDS)), (additions) => {
      const fields = verifiedFieldsOf(additions);
      expect(fields.slice(0, 4)).toEqual([...REQUIRED_VERIFIED_FIELDS]);
      expect(new Set(fields.slice(4))).toEqual(new Set(additions));
      expect(fields.slice(4)).toEqual(ADDABLE_VERIFIED_FIELDS.filter((f) => additions.includes(f)));
    }));
  });
});
