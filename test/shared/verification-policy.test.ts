import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchVerifies, maySendToVerifyElsewhere, mayTurnOffVerify, mustCarryVerification, needsSecondKeying, verifiesByDefault,
  type CenterVerification, type VersionAtPush,
} from '../../src/shared/verification-policy';
import type { VerifiedValues } from '../../src/shared/verify-sheet';

const SINCE = '2026-03-01T12:00:00.000Z';
const REQUIRED: CenterVerification = { policy: 'required', requiredSince: SINCE, fields: [] };
const values: VerifiedValues = { ssid: '9123456780', firstName: 'Ana', lastName: 'Reyes', dateOfBirth: '2011-04-02' };

describe('the center setting and the batch switch', () => {
  it.each([
    ['off', false, true],
    ['default', true, true],
    ['required', true, false],
  ] as const)('%s: a new batch starts verifying: %s; the advisor may turn it off: %s', (policy, starts, mayOff) => {
    expect(verifiesByDefault(policy)).toBe(starts);
    expect(mayTurnOffVerify(policy)).toBe(mayOff);
  });

  it.each([
    ['off', undefined, false],
    ['off', true, true],
    ['default', false, false],
    ['default', true, true],
    // A batch made before the center required verification verifies too.
    ['required', undefined, true],
    ['required', false, true],
  ] as const)('%s with the switch %s: the batch verifies: %s', (policy, batchSwitch, verifies) => {
    expect(batchVerifies(policy, batchSwitch)).toBe(verifies);
  });
});

describe('the tablet confirm gate', () => {
  const sheet = { verifies: true, verified: false, knownToServer: false, serverAsked: false };
  it.each([
    ['a new sheet of a verifying batch', sheet, true],
    ['the same sheet once verified', { ...sheet, verified: true }, false],
    ['a new sheet of a batch that does not verify (today’s rules)', { ...sheet, verifies: false }, false],
    ['an edit of a sheet the server holds (the server judges it)', { ...sheet, knownToServer: true }, false],
    ['a sheet the server sent back for a second keying', { ...sheet, verifies: false, knownToServer: true, serverAsked: true }, true],
    ['that sheet once verified', { ...sheet, knownToServer: true, serverAsked: true, verified: true }, false],
  ])('%s needs a second keying: %s', (_, input, expected) => {
    expect(needsSecondKeying(input)).toBe(expected);
  });

  it.each([
    ['a new sheet of a verifying batch', sheet, false, true],
    ['a sheet the server sent back for a second keying', { ...sheet, knownToServer: true, serverAsked: true }, false, true],
    ['a sheet in "Needs a second look" (settled here, by a person)', sheet, true, false],
    ['a verified sheet (it is confirmed as it is)', { ...sheet, verified: true }, false, false],
    ['a sheet of a batch that does not verify', { ...sheet, verifies: false }, false, false],
  ])('%s may go to be verified on another tablet: %s', (_, input, inSecondLook, expected) => {
    expect(maySendToVerifyElsewhere(input, inSecondLook)).toBe(expected);
  });
});

describe('the server rule', () => {
  const version: VersionAtPush = { center: REQUIRED, confirmedAt: '2026-03-02T09:00:00.000Z', verified: false, sentToVerify: false, values, stored: undefined };
  it.each([
    ['a new sheet typed once where verification is required', version, true],
    ['the same sheet verified', { ...version, verified: true }, false],
    ['the same sheet sent for a second keyer on another tablet', { ...version, sentToVerify: true }, false],
    ['a new sheet where the center only verifies by default', { ...version, center: { policy: 'default', requiredSince: null, fields: [] } }, false],
    ['a new sheet where the center never chose', { ...version, center: { policy: 'off', requiredSince: null, fields: [] } }, false],
    ['a sheet confirmed offline before the center required it', { ...version, confirmedAt: '2026-03-01T11:59:59.000Z' }, false],
    ['a sheet confirmed the moment it was required', { ...version, confirmedAt: SINCE }, true],
    ['an edit that keeps every verified field (the grade, say)', { ...version, stored: values }, false],
    ['an edit that only spaces the SSID differently', { ...version, stored: { ...values, ssid: '912 345 6780' } }, false],
    ['an edit of the SSID', { ...version, stored: { ...values, ssid: '9123456708' } }, true],
    ['an edit of the last name', { ...version, stored: { ...values, lastName: 'Reyez' } }, true],
    ['an edit of a field the center added', { ...version, center: { ...REQUIRED, fields: ['schoolStudentId'] }, values: { ...values, schoolStudentId: 'LA4471X2' }, stored: { ...values, schoolStudentId: 'LA4417X2' } }, true],
    ['the same edit where the center does not verify that field', { ...version, values: { ...values, schoolStudentId: 'LA4471X2' }, stored: { ...values, schoolStudentId: 'LA4417X2' } }, false],
    ['an edit that only spaces an added phone differently', { ...version, center: { ...REQUIRED, fields: ['phone'] }, values: { ...values, phone: '(408) 555-0142' }, stored: { ...values, phone: '4085550142' } }, false],
    ['an added field filled in on a paper stored without it', { ...version, center: { ...REQUIRED, fields: ['phone'] }, values: { ...values, phone: '4085550142' }, stored: values }, true],
    // A paper stored before the center added the field holds none of it: blank, as the paper left it.
    ['an edit of a paper stored without a field the center added since, still blank', { ...version, center: { ...REQUIRED, fields: ['schoolStudentId'] }, values: { ...values, schoolStudentId: '' }, stored: values }, false],
  ] as [string, VersionAtPush, boolean][])('%s must carry a verification: %s', (_, input, expected) => {
    expect(mustCarryVerification(input)).toBe(expected);
  });

  it('never asks a verified version, or one of a center that does not require it, for a verification', () => {
    const policy = fc.constantFrom('off', 'default', 'required');
    const iso = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }).map((t) => new Date(t).toISOString());
    fc.assert(fc.property(policy, fc.option(iso, { nil: null }), iso, fc.boolean(), (p, since, confirmedAt, verified) => {
      const asked = mustCarryVerification({ center: { policy: p, requiredSince: since, fields: [] }, confirmedAt, verified, sentToVerify: false, values, stored: undefined });
      if (verified || p !== 'required' || since === null) expect(asked).toBe(false);
      else expect(asked).toBe(confirmedAt >= since);
    }));
  });
});
