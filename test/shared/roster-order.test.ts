import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRosterPlaces, placeInOrder, type RosterPlace } from '../../src/shared/roster-order';

const place = (studentId: string, lastName: string, firstName: string): RosterPlace => ({ studentId, lastName, firstName });
const ids = (order: readonly RosterPlace[]) => order.map((p) => p.studentId);

describe('compareRosterPlaces', () => {
  it.each([
    ['last name first', place('1', 'Nguyen', 'Ana'), place('2', 'Garcia', 'Zoe'), 1],
    ['then first name', place('1', 'Nguyen', 'Thuy'), place('2', 'Nguyen', 'An'), 1],
    ['case and accents compared loosely', place('1', 'garcía', 'ana'), place('2', 'Garcia', 'Ana'), -1],
    ['the same names by id, so every sort agrees', place('b', 'Raman', 'Priya'), place('a', 'Raman', 'Priya'), 1],
    ['a hyphenated name beside its first part', place('1', 'García-López', 'Ana'), place('2', 'García', 'Ana'), 1],
  ])('%s', (_, a, b, sign) => {
    expect(Math.sign(compareRosterPlaces(a, b))).toBe(sign);
    expect(Math.sign(compareRosterPlaces(b, a))).toBe(-sign);
  });
});

describe('placeInOrder', () => {
  const order = [place('1', 'Garcia', 'Ana'), place('2', 'Nguyen', 'Thuy'), place('3', 'Raman', 'Priya')];

  it('puts a new student at their place', () => {
    expect(ids(placeInOrder(order, [place('4', 'O’Neil', 'Marcus')], []))).toEqual(['1', '2', '4', '3']);
  });

  it('moves a student whose name changed, and takes out one who left', () => {
    expect(ids(placeInOrder(order, [place('1', 'Zamora', 'Ana')], ['3']))).toEqual(['2', '1']);
  });

  it('leaves out a student both changed and gone, and keeps the last change of one student', () => {
    expect(ids(placeInOrder(order, [place('4', 'Able', 'X'), place('5', 'Baker', 'Y'), place('5', 'Young', 'Y')], ['4']))).toEqual(['1', '2', '3', '5']);
  });

  const name = fc.constantFrom('Garcia', 'García', 'garcia', 'Nguyen', 'O’Neil', 'Raman', 'Ramírez', 'Zamora', '');
  const places = (ids: string[]) => fc.tuple(...ids.map((id) => fc.tuple(name, name).map(([last, first]) => place(id, last, first))));

  it('gives the order a full sort of the same students gives', () => {
    const idArb = fc.uniqueArray(fc.integer({ min: 0, max: 30 }).map(String), { maxLength: 20 });
    fc.assert(
      fc.property(idArb.chain(places), idArb.chain(places), fc.array(fc.integer({ min: 0, max: 30 }).map(String)), (before, changed, gone) => {
        const start = [...before].sort(compareRosterPlaces);
        const byId = new Map(start.map((p) => [p.studentId, p]));
        for (const p of changed) byId.set(p.studentId, p);
        for (const id of gone) byId.delete(id);
        expect(placeInOrder(start, changed, gone)).toEqual([...byId.values()].sort(compareRosterPlaces));
      }),
    );
  });
});
