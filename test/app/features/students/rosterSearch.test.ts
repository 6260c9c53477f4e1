import { describe, expect, it } from 'vitest';
import { buildRosterIndex, readQuery, searchRoster, wholeSsidsIn } from '../../../../src/app/features/students/rosterSearch';
import type { LocalRosterEntry } from '../../../../src/app/db/schema';

function entry(id: string, over: Partial<LocalRosterEntry>): LocalRosterEntry {
  return {
    studentId: id, firstName: 'A', lastName: 'B', dateOfBirth: '2012-01-01', grade: '7', schoolId: 's1', schoolStudentId: '',
    ssidHash: null, ssidLast4: null, ssidSource: null, deleted: false, ...over,
  };
}

const schools = new Map([['s1', 'Lincoln Middle School'], ['s2', 'Roosevelt High School']]);
const index = buildRosterIndex(
  [
    entry('1', { firstName: 'Ana', lastName: 'García-López', grade: '7' }),
    entry('2', { firstName: 'Marcus', lastName: 'O’Neil', grade: '8', ssidLast4: '7560', ssidHash: 'hash-of-4821937560' }),
    entry('3', { firstName: 'Priya', lastName: 'Raman', grade: '10', schoolId: 's2', schoolStudentId: 'R77' }),
  ],
  schools,
);
const ids = (query: string, hashes?: ReadonlyMap<string, string>) => searchRoster(index, query, hashes).map((e) => e.entry.studentId);

describe('roster search', () => {
  it.each([
    ['garcia', ['1']],
    ['GARCÍA lopez', ['1']],
    ["o'neil", ['2']],
    ['roosevelt', ['3']],
    ['lincoln grade 7', ['1']],
    ['7th', ['1']],
    ['grade 10', ['3']],
    ['7560', ['2']],
    ['r77', ['3']],
    ['', ['1', '2', '3']],
    ['nobody', []],
  ])('"%s" finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('finds a whole SSID by its roster hash, never by its digits alone', () => {
    expect(wholeSsidsIn('4821-937-560')).toEqual(['4821937560']);
    expect(ids('4821937560')).toEqual([]);
    expect(ids('4821937560', new Map([['4821937560', 'hash-of-4821937560']]))).toEqual(['2']);
  });

  it('reads grades, SSIDs and words apart', () => {
    expect(readQuery('gr 7 k 1234 ana')).toEqual([
      { kind: 'grade', grade: '7' }, { kind: 'text', text: 'k' }, { kind: 'ssid', digits: '1234' }, { kind: 'text', text: 'ana' },
    ]);
  });
});
