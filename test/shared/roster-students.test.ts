import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../src/shared/protocol';
import { requestStudentFrom, rosterStudentFrom, schoolRoster } from '../../src/shared/roster-students';

const entry = (over: Partial<RosterEntry> = {}): RosterEntry => ({
  studentId: 'st1', firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '2011-03-07', grade: '8', schoolId: 'lincoln',
  schoolStudentId: '100234', ssidHash: null, ssidLast4: null, ssidSource: null, deleted: false, ...over,
});

describe('roster adapters', () => {
  it('carries the server’s SSID hash and the SSID typed from paper into matching', () => {
    expect(rosterStudentFrom(entry({ ssidHash: 'ab', ssidLast4: '7891' }), { middleName: 'Luz', currentSsid: '1234567891' })).toEqual({
      studentId: 'st1', firstName: 'Ana', middleName: 'Luz', lastName: 'Ruiz', dateOfBirth: '2011-03-07', grade: '8',
      schoolStudentId: '100234', currentSsid: '1234567891', ssidHash: 'ab', ssidLast4: '7891',
    });
  });

  it.each([
    [entry(), {}, false],
    [entry({ ssidHash: 'ab', ssidLast4: '7891' }), {}, true],
    [entry(), { currentSsid: '1234567891' }, true],
  ])('puts a student on the request list only without any SSID (%#)', (e, local, hasSsid) => {
    expect(requestStudentFrom(e, local).hasSsid).toBe(hasSsid);
  });

  it('keeps one school’s live students', () => {
    const entries = [entry(), entry({ studentId: 'gone', deleted: true }), entry({ studentId: 'other', schoolId: 'roosevelt' })];
    expect(schoolRoster(entries, 'lincoln').map((e) => e.studentId)).toEqual(['st1']);
  });
});
