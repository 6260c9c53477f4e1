import { describe, expect, it } from 'vitest';
import { buildRosterIndex, searchRoster } from '../../src/app/features/students/rosterSearch';
import { buildSearchIndex, searchRecords } from '../../src/app/model/search';
import type { LocalApplication, LocalRosterEntry } from '../../src/app/db/schema';
import { blankFields } from '../../src/shared/application';
import { nameKey } from '../../src/shared/names';
import { searchWords } from '../../src/shared/search';

const PEOPLE = [
  ['1', 'Lucía', 'Ramírez'],
  ['2', 'Luis', 'RAMIREZ'],
  ['3', 'Seán', 'O’Brien-Núñez'],
  ['4', 'Ana', 'García-López'],
  ['5', 'Mary', 'De La Cruz'],
] as const;

const schools = new Map([['s1', 'Lincoln Middle School']]);
const records = buildSearchIndex(
  PEOPLE.map(([id, firstName, lastName]) => ({ id, fields: blankFields({ firstName, lastName, schoolId: 's1' }) }) as unknown as LocalApplication),
  schools,
);
const roster = buildRosterIndex(
  PEOPLE.map(([studentId, firstName, lastName]) => ({
    studentId, firstName, lastName, dateOfBirth: '2012-01-01', grade: '7', schoolId: 's1', schoolStudentId: '', ssidHash: null, ssidLast4: null, ssidSource: null, deleted: false,
  }) as LocalRosterEntry),
  schools,
);
const inRecords = (q: string) => searchRecords(records, q).map((e) => e.record.id).sort();
const inStudents = (q: string) => searchRoster(roster, q).map((e) => e.entry.studentId).sort();

describe('one search fold for records and students', () => {
  it.each([
    ['Ramírez', ['1', '2']],
    ['ramirez', ['1', '2']],
    ['RAMÍREZ lucia', ['1']],
    ["o'brien", ['3']],
    ['OBrien', ['3']],
    ['obrien nunez', ['3']],
    ['O’Brien-Núñez', ['3']],
    ['sean', ['3']],
    ['garcia lopez', ['4']],
    ['García-López', ['4']],
    ['garcialopez', ['4']],
    ['delacruz', ['5']],
    ['de la cruz', ['5']],
  ])('"%s" finds the same people in Records as in Students', (query, expected) => {
    expect(inRecords(query)).toEqual(expected);
    expect(inStudents(query)).toEqual(expected);
  });

  it('folds a name the way school-return matching keys it', () => {
    for (const [, first, last] of PEOPLE) {
      expect(searchWords(`${first} ${last}`).join('')).toBe(nameKey(`${first} ${last}`));
    }
  });

  it('keeps an SSID typed in groups as one word', () => {
    expect(searchWords('4821-937-560 Ana')).toEqual(['4821937560', 'ana']);
    expect(searchWords('4821 937 560')).toEqual(['4821937560']);
  });

  it('keeps numbers that do not make an SSID as the words they were typed as', () => {
    // A grade and the last four digits of an SSID, as the Students search reads them.
    expect(searchWords('7 8264')).toEqual(['7', '8264']);
  });
});
