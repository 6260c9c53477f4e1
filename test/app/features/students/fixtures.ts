/** Roster data for the students screens' tests: what a pull would have left on the tablet. */
import type { Store } from '../../../../src/app/db/connection';
import { hashSsid } from '../../../../src/app/db/ssidLookup';
import type { RosterEntry } from '../../../../src/shared/protocol';
import { uuidv7 } from '../../../../src/shared/ids';

/** The center's roster key as a pull stores it. */
export const SSID_KEY = '5a'.repeat(32);

/** A rostered student; `ssid` (whole) becomes the hash and last four the roster holds. */
export interface Rostered {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade?: string;
  schoolId?: string;
  schoolStudentId?: string;
  ssid?: string;
  ssidSource?: RosterEntry['ssidSource'];
}

/** Puts students on the roster (with the key their hashes use); returns their ids in order. */
export async function seedRoster(store: Store, students: readonly Rostered[]): Promise<string[]> {
  await store.db.meta.put({ key: 'ssidKey', value: SSID_KEY });
  const entries: RosterEntry[] = [];
  for (const s of students) {
    entries.push({
      studentId: uuidv7(),
      firstName: s.firstName,
      lastName: s.lastName,
      dateOfBirth: s.dateOfBirth,
      grade: s.grade ?? '7',
      schoolId: s.schoolId ?? 'school-lincoln',
      schoolStudentId: s.schoolStudentId ?? '',
      ssidHash: s.ssid ? await hashSsid(SSID_KEY, s.ssid) : null,
      ssidLast4: s.ssid ? s.ssid.slice(-4) : null,
      ssidSource: s.ssid ? (s.ssidSource ?? 'student_form') : null,
      deleted: false,
    });
  }
  await store.db.roster.bulkPut(entries);
  return entries.map((e) => e.studentId);
}

/** A small roster at two schools: three without an SSID at Lincoln, one with. */
export const ROSTER: readonly Rostered[] = [
  { firstName: 'Ana Lucía', lastName: 'García-López', dateOfBirth: '2012-03-10', grade: '7', schoolStudentId: 'L1001' },
  { firstName: 'Marcus', lastName: 'O’Neil', dateOfBirth: '2011-11-02', grade: '8', schoolStudentId: 'L1002' },
  { firstName: 'Thuy', lastName: 'Nguyen', dateOfBirth: '2012-06-21', grade: '7', ssid: '4821937560' },
  { firstName: 'Diego', lastName: 'Ramírez', dateOfBirth: '2012-01-15', grade: '6', schoolStudentId: '=cmd|calc' },
  { firstName: 'Priya', lastName: 'Raman', dateOfBirth: '2009-05-05', grade: '10', schoolId: 'school-roosevelt' },
];
