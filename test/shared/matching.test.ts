import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexRoster, localIdKey, matchSchoolReturn, type RosterStudent, type RowMatch } from '../../src/shared/matching';
import { parseSchoolReturnSync, type ReturnRow } from '../../src/shared/school-return';
import { fixture, ROSTER, row, TODAY } from './school-fixtures';

const journey = () => matchSchoolReturn(parseSchoolReturnSync(fixture('matching-journey.csv'), { today: TODAY }).rows, ROSTER);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const byLine = (matches: RowMatch[], line: number): RowMatch => {
  const match = matches.find((m) => m.row.line === line);
  if (!match) throw new Error(`no line ${line}`);
  return match;
};

// Each test matches the file itself rather than sharing one result made while
// the suite is collected: mutation testing plants its bug only inside a test.
describe('matchSchoolReturn: the matching journey fixture', () => {

  it.each([
    [2, 'exact', 's01', ['exact', 'middle_in_first_column']],
    [3, 'exact', 's02', ['exact']],
    [4, 'exact', 's03', ['exact', 'middle_in_first_column']],
    [5, 'probable', 's04', ['names_swapped']],
    [6, 'exact', 's05', ['exact']],
    [7, 'exact', 's06', ['exact']],
    [8, 'exact', 's07', ['exact']],
    [9, 'exact', 's08', ['exact']],
    [10, 'ambiguous', null, ['ambiguous_exact']],
    [11, 'probable', 's12', ['dob_slip']],
    [12, 'probable', 's13', ['last_name_part']],
    [13, 'unmatched', null, ['no_match', 'near_miss']],
    [14, 'probable', 's15', ['first_name_typo']],
    [15, 'probable', 's16', ['local_id_dob_differs']],
    [16, 'probable', 's17', ['last_name_typo']],
    [17, 'unmatched', null, ['no_match']],
    [18, 'exact', 's11', ['exact']],
  ])('line %d is %s (%s) because %j', (line, kind, studentId, reasons) => {
    const match = byLine(journey().matches, line);
    expect(match.kind).toBe(kind);
    expect(match.studentId).toBe(studentId);
    expect(codes(match.reasons)).toEqual(reasons);
  });

  it('offers both students with the same name and birth date, and the near miss for a different spelling', () => {
    const { matches } = journey();
    expect(byLine(matches, 10).candidates.sort()).toEqual(['s09', 's10']);
    expect(byLine(matches, 13).candidates).toEqual(['s14']);
  });

  it('flags a school SSID that differs from the one the student wrote on paper, for a decision', () => {
    const { matches } = journey();
    const jayden = byLine(matches, 7);
    expect(codes(jayden.flags)).toEqual(['differs_from_paper']);
    expect(jayden.canApply).toBe(true);
    expect(jayden.needsReview).toBe(true);
  });

  it('has nothing to do when the school’s SSID is the one the student already has', () => {
    const { matches } = journey();
    const zoe = byLine(matches, 9);
    expect(codes(zoe.flags)).toEqual(['same_as_current']);
    expect(zoe.canApply).toBe(false);
  });

  it('never applies an invalid SSID, even on an exact match', () => {
    const { matches } = journey();
    const dandre = byLine(matches, 18);
    expect(codes(dandre.flags)).toEqual(['ssid_invalid']);
    expect(dandre.canApply).toBe(false);
  });

  it('lets exact rows without flags through, and holds everything else for review', () => {
    const { matches, summary } = journey();
    const ready = matches.filter((m) => m.canApply && !m.needsReview).map((m) => m.row.line);
    expect(ready).toEqual([2, 3, 4, 6, 8]);
    expect(summary).toEqual({
      exact: 8, probable: 6, ambiguous: 1, unmatched: 2,
      invalidSsid: 1, blankSsid: 0, sameAsCurrent: 1, differsFromPaper: 1, ready: 5,
    });
  });
});

describe('matchSchoolReturn: rules across rows and against SSIDs held elsewhere', () => {
  const twins: RosterStudent[] = [
    { studentId: 'maria', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '2011-03-07' },
  ];

  it('gives the student to the exact row when a twin’s row is one letter off', () => {
    const { matches } = matchSchoolReturn(
      [row({ line: 2, firstName: 'Maria', lastName: 'Garcia' }), row({ line: 3, firstName: 'Mario', lastName: 'Garcia' }, '2222222223')],
      twins,
    );
    expect(matches.map((m) => [m.kind, m.studentId])).toEqual([['exact', 'maria'], ['unmatched', null]]);
    expect(codes(matches[1]?.reasons ?? [])).toEqual(['student_taken_by_row']);
    expect(matches[1]?.candidates).toEqual(['maria']);
  });

  it('keeps a repeated row once, and leaves two rows with different SSIDs for the advisor', () => {
    const same = matchSchoolReturn(
      [row({ line: 2, firstName: 'Maria', lastName: 'Garcia' }), row({ line: 3, firstName: 'MARIA', lastName: 'GARCIA' })],
      twins,
    ).matches;
    expect(same.map((m) => [m.canApply, codes(m.flags)])).toEqual([[true, []], [false, ['duplicate_row']]]);
    const different = matchSchoolReturn(
      [row({ line: 2, firstName: 'Maria', lastName: 'Garcia' }), row({ line: 3, firstName: 'Maria', lastName: 'Garcia' }, '9876501234')],
      twins,
    ).matches;
    expect(different.map((m) => [m.kind, codes(m.reasons)])).toEqual([
      ['ambiguous', ['student_claimed_twice']],
      ['ambiguous', ['student_claimed_twice']],
    ]);
  });

  it('refuses one SSID given to two students in the same file', () => {
    const roster: RosterStudent[] = [
      ...twins,
      { studentId: 'luis', firstName: 'Luis', lastName: 'Diaz', dateOfBirth: '2012-01-01' },
    ];
    const { matches } = matchSchoolReturn(
      [row({ line: 2, firstName: 'Maria', lastName: 'Garcia' }), row({ line: 3, firstName: 'Luis', lastName: 'Diaz', dateOfBirth: '2012-01-01' })],
      roster,
    );
    expect(matches.map((m) => [m.canApply, codes(m.flags)])).toEqual([
      [false, ['ssid_repeated_in_file']],
      [false, ['ssid_repeated_in_file']],
    ]);
  });

  it('compares with the server’s SSID by hash, and refuses an SSID another student holds', () => {
    const roster: RosterStudent[] = [
      { studentId: 'maria', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '2011-03-07', ssidHash: 'h-old', ssidLast4: '0000' },
      { studentId: 'luis', firstName: 'Luis', lastName: 'Diaz', dateOfBirth: '2012-01-01', ssidHash: 'h-luis', ssidLast4: '7891' },
    ];
    const hashes = new Map([['1234567891', 'h-luis'], ['5550001234', 'h-old']]);
    const taken = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' })], roster, { ssidHashes: hashes }).matches[0];
    expect(codes(taken?.flags ?? [])).toEqual(['differs_from_paper', 'ssid_taken']);
    expect(taken?.canApply).toBe(false);
    const same = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' }, '5550001234')], roster, { ssidHashes: hashes }).matches[0];
    expect(codes(same?.flags ?? [])).toEqual(['same_as_current']);
  });

  it('without hashes, compares the last four digits and never calls them the same', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, ssidLast4: '7891' }];
    const match = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' })], roster).matches[0];
    expect(codes(match?.flags ?? [])).toEqual(['current_unverified']);
    expect(match?.needsReview).toBe(true);
  });

  it('holds an exact match for review when the School Student IDs disagree', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }];
    const match = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', schoolStudentId: '556' })], roster).matches[0];
    expect(match?.kind).toBe('exact');
    expect(codes(match?.reasons ?? [])).toEqual(['local_id_differs']);
    expect(match?.needsReview).toBe(true);
  });

  it('does not call the School Student IDs different when the roster or the row has none', () => {
    const rosterWithId: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }];
    const [rowWithout] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' })], rosterWithId).matches;
    const [studentWithout] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', schoolStudentId: '555' })], twins).matches;
    for (const match of [rowWithout, studentWithout]) {
      expect([match?.kind, match?.studentId, codes(match?.reasons ?? []), match?.needsReview]).toEqual(['exact', 'maria', ['exact'], false]);
    }
  });

  it('keeps a near match’s own reason when the School Student IDs differ as well', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }];
    const [match] = matchSchoolReturn([row({ firstName: 'Marja', lastName: 'Garcia', schoolStudentId: '556' })], roster).matches;
    expect([match?.kind, match?.studentId, codes(match?.reasons ?? [])]).toEqual(['probable', 'maria', ['first_name_typo']]);
  });

  it('does not match on School Student ID when both the name and the birth date differ', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }];
    const [match] = matchSchoolReturn([row({ firstName: 'Kevin', lastName: 'Tran', dateOfBirth: '2012-05-05', schoolStudentId: '555' })], roster).matches;
    expect([match?.kind, match?.studentId, match?.candidates]).toEqual(['unmatched', null, []]);
  });

  it('looks for a birth date slip only when nothing else matched, and only a slip', () => {
    const roster: RosterStudent[] = [
      { studentId: 'slip', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '2011-03-17' },
      { studentId: 'typo', firstName: 'Mario', lastName: 'Garcia', dateOfBirth: '2011-03-07' },
    ];
    const [near] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' })], roster).matches;
    expect([near?.kind, near?.studentId, codes(near?.reasons ?? [])]).toEqual(['probable', 'typo', ['first_name_typo']]);
    const [farOff] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '2005-12-30' })], roster).matches;
    expect([farOff?.kind, farOff?.candidates, codes(farOff?.reasons ?? [])]).toEqual(['unmatched', [], ['no_match']]);
  });

  it('leaves namesakes for the advisor when the row has no School Student ID, even if only one of them has one', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }, { ...twins[0]!, studentId: 'maria-2' }];
    const [match] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' })], roster).matches;
    expect([match?.kind, match?.studentId, [...(match?.candidates ?? [])].sort()]).toEqual(['ambiguous', null, ['maria', 'maria-2']]);
  });

  it('takes an unrelated name for neither a birth date slip nor a near miss', () => {
    const { matches } = matchSchoolReturn(
      [row({ line: 2, firstName: 'Kevin', lastName: 'Tran', dateOfBirth: '2011-03-17' }), row({ line: 3, firstName: 'Kevin', lastName: 'Tran' }, '2222222223')],
      twins,
    );
    expect(matches.map((m) => [m.kind, m.candidates, codes(m.reasons)])).toEqual([
      ['unmatched', [], ['no_match']],
      ['unmatched', [], ['no_match']],
    ]);
  });

  it('leaves two namesakes with the same School Student ID as the row for the advisor to choose', () => {
    const roster: RosterStudent[] = [
      { ...twins[0]!, schoolStudentId: '555' },
      { ...twins[0]!, studentId: 'maria-2', schoolStudentId: '555' },
    ];
    const [match] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', schoolStudentId: '555' })], roster).matches;
    expect([match?.kind, match?.studentId, codes(match?.reasons ?? [])]).toEqual(['ambiguous', null, ['ambiguous_exact']]);
  });

  it('refuses an SSID that this tablet knows another student has', () => {
    const roster: RosterStudent[] = [
      ...twins,
      { studentId: 'luis', firstName: 'Luis', lastName: 'Diaz', dateOfBirth: '2012-01-01', currentSsid: '1234567891' },
    ];
    const [match] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia' }, '1234567891')], roster).matches;
    expect([codes(match?.flags ?? []), match?.canApply]).toEqual([['ssid_taken'], false]);
  });

  it('matches a row with an unreadable birth date only through the School Student ID, and says why otherwise', () => {
    const roster: RosterStudent[] = [{ ...twins[0]!, schoolStudentId: '555' }];
    const noDate = { dateOfBirth: null, dateProblem: { code: 'date_day_first', message: 'reads as day/month' } };
    const [withId] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', schoolStudentId: '0555', ...noDate })], roster).matches;
    expect([withId?.kind, withId?.studentId, codes(withId?.reasons ?? [])]).toEqual(['probable', 'maria', ['local_id_dob_differs']]);
    const [without] = matchSchoolReturn([row({ firstName: 'Maria', lastName: 'Garcia', ...noDate })], roster).matches;
    expect([without?.kind, codes(without?.reasons ?? [])]).toEqual(['unmatched', ['date_day_first']]);
  });

  it.each([
    ['two one-letter slips', 'Matteo', 'Silvia'],
    ['a nickname', 'Teo', 'Silva'],
  ])('matches on School Student ID and birth date despite %s in the name', (_, firstName, lastName) => {
    const [match] = matchSchoolReturn([row({ firstName, lastName, dateOfBirth: '2012-02-02', schoolStudentId: '123' })], ROSTER).matches;
    expect([match?.kind, match?.studentId, codes(match?.reasons ?? [])]).toEqual(['probable', 's17', ['local_id_name_differs']]);
  });

  it('does not match on School Student ID alone when the name is unrelated', () => {
    const [match] = matchSchoolReturn([row({ firstName: 'Kevin', lastName: 'Tran', dateOfBirth: '2012-02-02', schoolStudentId: '123' })], ROSTER).matches;
    expect(match?.kind).toBe('unmatched');
  });

  it('tells two students with the same name and birth date apart by the School Student ID, for review', () => {
    const [match] = matchSchoolReturn([row({ firstName: 'Kevin', lastName: 'Tran', dateOfBirth: '2011-04-04', schoolStudentId: '100243' })], ROSTER).matches;
    expect([match?.kind, match?.studentId, codes(match?.reasons ?? []), match?.needsReview]).toEqual([
      'exact', 's10', ['exact', 'namesake_by_local_id'], true,
    ]);
  });

  it('says how many students share the name and birth date, or could be meant', () => {
    const { matches } = journey();
    expect(byLine(matches, 10).reasons).toEqual([{ code: 'ambiguous_exact', message: '2 students have this name and date of birth.' }]);
    const roster: RosterStudent[] = [
      { studentId: 'maria', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '2011-03-07' },
      { studentId: 'mario', firstName: 'Mario', lastName: 'Garcia', dateOfBirth: '2011-03-07' },
    ];
    const [match] = matchSchoolReturn([row({ firstName: 'Marie', lastName: 'Garcia' })], roster).matches;
    expect([match?.kind, [...(match?.candidates ?? [])].sort(), match?.reasons]).toEqual([
      'ambiguous', ['maria', 'mario'], [{ code: 'ambiguous_probable', message: 'Could be any of 2 students: choose one.' }],
    ]);
  });

  it('says a row has no date of birth when the school left it empty, and counts a blank SSID', () => {
    const { matches, summary } = matchSchoolReturn(
      [row({ firstName: 'Maria', lastName: 'Garcia', dateOfBirth: null, ssid: { raw: '', status: 'blank', value: null, errors: [], warnings: [] } })],
      ROSTER,
    );
    expect([matches[0]?.kind, matches[0]?.reasons]).toEqual(['unmatched', [{ code: 'date_empty', message: 'No date of birth.' }]]);
    expect([summary.unmatched, summary.blankSsid, summary.ready]).toEqual([1, 1, 0]);
  });

  it('takes a prepared index as well as a roster', () => {
    const rows = parseSchoolReturnSync(fixture('matching-journey.csv'), { today: TODAY }).rows;
    expect(matchSchoolReturn(rows, indexRoster(ROSTER))).toEqual(matchSchoolReturn(rows, ROSTER));
  });

  it.each([['000123', '123'], [' 12-34 ', '1234'], ['100x001', '100X001'], ['0', '0']])('compares School Student ID %j as %j', (id, key) => {
    expect(localIdKey(id)).toBe(key);
  });

  it('has no School Student ID key for a student or row without one', () => {
    expect(localIdKey(undefined)).toBe('');
    expect(localIdKey('')).toBe('');
  });
});

describe('matchSchoolReturn properties', () => {
  const letters = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
  const student = fc.record({
    firstName: letters,
    lastName: fc.tuple(letters, fc.option(letters, { nil: undefined })).map(([a, b]) => (b ? `${a}-${b}` : a)),
    dateOfBirth: fc.date({ min: new Date('2006-01-01T00:00:00Z'), max: new Date('2019-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  });
  const roster = fc.uniqueArray(student, { minLength: 1, maxLength: 40, selector: (s) => `${s.firstName}|${s.lastName}|${s.dateOfBirth}` })
    .map((list) => list.map((s, i): RosterStudent => ({ ...s, studentId: `s${i}` })));
  const asRow = (s: RosterStudent, line: number, ssid = String(1_000_000_000 + line)): ReturnRow =>
    row({ line, firstName: s.firstName, lastName: s.lastName, dateOfBirth: s.dateOfBirth }, ssid);
  const outcome = (m: RowMatch) => [m.row.line, m.kind, m.studentId, [...m.candidates].sort(), codes(m.reasons), codes(m.flags)];

  it('an exact copy of a rostered student who has no namesake always matches that student exactly', () => {
    fc.assert(fc.property(roster, fc.nat(), (list, pick) => {
      const target = list[pick % list.length]!;
      const namesakes = list.filter((s) => s.dateOfBirth === target.dateOfBirth && s.firstName === target.firstName && s.lastName === target.lastName);
      fc.pre(namesakes.length === 1);
      const [match] = matchSchoolReturn([asRow(target, 2)], list).matches;
      expect([match?.kind, match?.studentId]).toEqual(['exact', target.studentId]);
    }));
  });

  it('the order of the rows does not change any row’s outcome', () => {
    fc.assert(fc.property(roster, fc.infiniteStream(fc.nat()), (list, randoms) => {
      const rows = list.map((s, i) => asRow(s, i + 2));
      const shuffled = [...rows].sort(() => (randoms.next().value % 3) - 1);
      const sortByLine = (ms: RowMatch[]) => ms.map(outcome).sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(sortByLine(matchSchoolReturn(shuffled, list).matches)).toEqual(sortByLine(matchSchoolReturn(rows, list).matches));
    }));
  });

  it('accents, case and hyphens written by the school do not change the outcome', () => {
    const decorate = (name: string) => name.toUpperCase().replace(/A/g, 'Á').replace(/E/g, 'É').replace(/-/g, ' ');
    fc.assert(fc.property(roster, (list) => {
      const rows = list.map((s, i) => asRow(s, i + 2));
      const decorated = rows.map((r) => ({ ...r, firstName: decorate(r.firstName), lastName: decorate(r.lastName) }));
      expect(matchSchoolReturn(decorated, list).matches.map(outcome)).toEqual(matchSchoolReturn(rows, list).matches.map(outcome));
    }));
  });
});
