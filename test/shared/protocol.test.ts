import { describe, expect, it } from 'vitest';
import { kindOf, refusal, type AnyMutation, type SsidUpdateMutation } from '../../src/shared/protocol';

const ids = { recordId: '0190a0b0-0000-7000-8000-000000000001', studentId: '0190a0b0-0000-7000-8000-000000000002' };
const ssidUpdate: SsidUpdateMutation = {
  kind: 'ssid_update', mutationId: 3, ...ids, version: 1, ssid: '1234567890', source: 'school_records', confirmedAt: '2026-12-01T10:00:00.000Z',
};
// Only `kind` is read; the rest of an application version does not matter here.
const application = (kind: 'application' | undefined) => ({ ...ids, kind, mutationId: 4, version: 2 }) as unknown as AnyMutation;

describe('kindOf', () => {
  it('tells an SSID update from an application version, including one queued before SSID updates existed', () => {
    expect(kindOf(ssidUpdate)).toBe('ssid_update');
    expect(kindOf(application('application'))).toBe('application');
    expect(kindOf(application(undefined))).toBe('application');
  });
});

describe('refusal on the wire', () => {
  it('sends no fields at all when the refusal names none, and the named fields otherwise', () => {
    expect(Object.keys(refusal('student_removed'))).toEqual(['code', 'message']);
    const fields = [{ field: 'schoolId', message: 'Choose one of your center’s schools.' }];
    expect(refusal('unknown_school', fields).fields).toBe(fields);
  });
});
