import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldSsidDiffering, heldSsidIssue, returningStudent, type RosteredSsid } from '../../src/shared/returning-student';
import { validateApplication } from '../../src/shared/validate';
import { blankFields } from '../../src/shared/application';

// Hashes stand for the roster's HMACs: the rule only compares them.
const ana: RosteredSsid = { firstName: 'Ana', lastName: 'García-López', dateOfBirth: '2011-05-06', ssidHash: 'h-4059687132', ssidLast4: '7132', ssidSource: 'school_records' };
const luis: RosteredSsid = { firstName: 'Luis', lastName: 'Ortega', dateOfBirth: '2010-01-02', ssidHash: null, ssidLast4: null, ssidSource: null };
const paper = { firstName: 'ANA', middleName: 'Maria', lastName: 'Garcia Lopez', dateOfBirth: '2011-05-06' };

describe('returningStudent', () => {
  it.each([
    ['the same names (accents, case, a middle name only on the paper) and birth date', paper, ana],
    ['a last name a letter apart (probable, not the same)', { ...paper, lastName: 'Garcia Lopes' }, null],
    ['another birth date', { ...paper, dateOfBirth: '2011-06-05' }, null],
    ['nobody', { firstName: 'Eva', lastName: 'Ruiz', dateOfBirth: '2011-05-06' }, null],
  ])('finds the rostered student for %s', (_case, identity, expected) => {
    expect(returningStudent(identity, [luis, ana])).toBe(expected);
  });

  it('names nobody when two rostered namesakes share the birth date', () => {
    expect(returningStudent(paper, [ana, { ...ana, ssidHash: 'h-other' }])).toBeNull();
  });
});

describe('heldSsidDiffering', () => {
  it('gives the center’s last four and source when the paper’s SSID is another number', () => {
    expect(heldSsidDiffering(paper, 'h-4059687123', [luis, ana])).toEqual({ last4: '7132', source: 'school_records' });
  });

  it.each([
    ['the paper’s SSID is the center’s', paper, 'h-4059687132'],
    ['the center holds no SSID for the student', { firstName: 'Luis', lastName: 'Ortega', dateOfBirth: '2010-01-02' }, 'h-1'],
    ['the paper names no rostered student', { ...paper, dateOfBirth: '2012-05-06' }, 'h-1'],
  ])('says nothing when %s', (_case, identity, hash) => {
    expect(heldSsidDiffering(identity, hash, [luis, ana])).toBeNull();
  });

  it('never flags the center’s own number, whatever the roster around it', () => {
    fc.assert(fc.property(fc.array(fc.record({ ssidHash: fc.option(fc.string({ minLength: 1, maxLength: 4 })), dateOfBirth: fc.constantFrom('2011-05-06', '2011-05-07') })), (others) => {
      const roster = [ana, ...others.map((o) => ({ ...ana, ...o, ssidLast4: null, ssidSource: null }))];
      expect(heldSsidDiffering(paper, ana.ssidHash as string, roster)).toBeNull();
    }));
  });
});

describe('the warning on the entry form', () => {
  const fields = blankFields({
    firstName: 'Ana', lastName: 'Garcia Lopez', dateOfBirth: '2011-05-06', grade: '8', schoolId: 'school-1', programYear: '2025-26',
    ssid: '4059687123', ssidSource: 'student_form',
  });
  const held = { last4: '7132', source: 'school_records' } as const;

  it('says which number the center has and from where, and tells the advisor to leave the SSID blank unless the paper is clearly right', () => {
    expect(heldSsidIssue(held).message).toBe(
      'The center already has this student (same name and date of birth) with another CA SSID ending 7132 from the school’s records. '
      + 'A CA SSID never changes, so one of the two is wrong. Unless the paper is clearly right, leave the CA SSID blank: the school will be asked for it.',
    );
    expect(heldSsidIssue({ last4: '7132', source: null }).message).toContain('another CA SSID ending 7132. A CA SSID');
  });

  it('blocks confirmation until the advisor ticks that the paper shows the number', () => {
    const ctx = { ssidRekey: '4059687123', ssidHeldForStudent: held, today: '2026-11-28' };
    const unchecked = validateApplication(fields, ctx);
    expect(unchecked.errors.map((e) => e.code)).toEqual(['ssid_unchecked']);
    expect(unchecked.warnings.map((w) => w.code)).toEqual(['ssid_differs_from_center']);
    expect(validateApplication(fields, { ...ctx, ssidChecked: true }).errors).toEqual([]);
  });

  it('does not stand in the way of a blank SSID or one that is not yet 10 digits', () => {
    const blank = validateApplication({ ...fields, ssid: '' }, { ssidRekey: '', ssidHeldForStudent: held, today: '2026-11-28' });
    expect(blank.errors).toEqual([]);
    expect(blank.warnings.map((w) => w.code)).toEqual(['ssid_missing']);
    const short = validateApplication({ ...fields, ssid: '405968712' }, { ssidRekey: '', ssidHeldForStudent: held, today: '2026-11-28' });
    expect(short.warnings.map((w) => w.code)).not.toContain('ssid_differs_from_center');
  });
});
