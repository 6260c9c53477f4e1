import { describe, expect, it } from 'vitest';
import { ssidUpdatesFrom } from '../../src/shared/match-review';
import { indexRoster, matchSchoolReturn } from '../../src/shared/matching';
import { parseSchoolReturnSync } from '../../src/shared/school-return';
import { fixture, ROSTER, row, TODAY } from './school-fixtures';

const rows = parseSchoolReturnSync(fixture('matching-journey.csv'), { today: TODAY }).rows;
const index = indexRoster(ROSTER);
const { matches } = matchSchoolReturn(rows, index);
const accept = (pairs: [number, string][]) => ssidUpdatesFrom(matches, new Map(pairs), index);

describe('ssidUpdatesFrom', () => {
  it('turns accepted rows into SSID updates from school records', () => {
    expect(accept([[2, 's01'], [5, 's04'], [7, 's06']]).updates).toEqual([
      { studentId: 's01', ssid: '1234567891', source: 'school_records', line: 2 },
      { studentId: 's04', ssid: '3344556677', source: 'school_records', line: 5 },
      { studentId: 's06', ssid: '1029384756', source: 'school_records', line: 7 },
    ]);
  });

  it('applies an ambiguous row only to one of its candidates', () => {
    const result = accept([[10, 's10']]);
    expect(result.updates.map((u) => u.studentId)).toEqual(['s10']);
    expect(accept([[10, 's01']]).refused.map((r) => r.reason.code)).toEqual(['not_a_candidate']);
  });

  it.each([
    [18, 's11', 'ssid_invalid'],
    [9, 's08', 'same_as_current'],
    [99, 's01', 'unknown_line'],
    [2, 's02', 'not_a_candidate'],
  ])('refuses line %d for %s: %s', (line, studentId, code) => {
    const result = accept([[line, studentId]]);
    expect(result.updates).toEqual([]);
    expect(result.refused).toEqual([{ line, reason: expect.objectContaining({ code }) }]);
  });

  it('refuses both rows when the advisor gives one student two SSIDs', () => {
    const twice = matchSchoolReturn(
      [row({ line: 2, firstName: 'Sean', lastName: "O'Brien", dateOfBirth: '2010-11-23' }, '2345678901'),
        row({ line: 3, firstName: 'Sean', lastName: 'OBrien', dateOfBirth: '2010-11-23' }, '2345678902')],
      index,
    ).matches;
    expect(twice.map((m) => [m.kind, m.candidates])).toEqual([['ambiguous', ['s02']], ['ambiguous', ['s02']]]);
    const result = ssidUpdatesFrom(twice, new Map([[2, 's02'], [3, 's02']]), index);
    expect(result.updates).toEqual([]);
    expect(result.refused.map((r) => [r.line, r.reason.code])).toEqual([[2, 'student_accepted_twice'], [3, 'student_accepted_twice']]);
  });

  it('refuses a row the file gives the same SSID as another student’s row', () => {
    const repeated = matchSchoolReturn(
      [row({ line: 2, firstName: 'Sean', lastName: "O'Brien", dateOfBirth: '2010-11-23' }),
        row({ line: 3, firstName: 'Mai', lastName: 'Nguyen', dateOfBirth: '2011-06-30' })],
      index,
    ).matches;
    const result = ssidUpdatesFrom(repeated, new Map([[2, 's02']]), index);
    expect(result.refused.map((r) => r.reason.code)).toEqual(['ssid_repeated_in_file']);
  });
});
