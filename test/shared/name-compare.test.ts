import { describe, expect, it } from 'vitest';
import { compareNames, isSmallNameDifference } from '../../src/shared/name-compare';
import { foldName, type PersonName } from '../../src/shared/names';

const name = (firstName: string, lastName: string, middleName = ''): PersonName => ({ firstName, middleName, lastName });
const verdict = (school: PersonName, ours: PersonName) => compareNames(foldName(school), foldName(ours));
const codes = (school: PersonName, ours: PersonName): string[] => {
  const v = verdict(school, ours);
  return v.level === 'exact' ? v.notes.map((n) => n.code) : v.level === 'probable' ? v.reasons.map((r) => r.code) : [];
};

describe('compareNames', () => {
  it.each([
    ['accents and case', name('MARIA', 'GARCIA'), name('María', 'García')],
    ['hyphen versus space in a two-part last name', name('Maria', 'Garcia Lopez'), name('Maria', 'García-López')],
    ['run-together last name', name('Ana', 'DeLaCruz'), name('Ana', 'de la Cruz')],
    ['curly versus straight apostrophe', name('Sean', 'O’Brien'), name('Sean', "O'Brien")],
    ['no apostrophe at all', name('Sean', 'OBrien'), name('Sean', "O'Brien")],
    ['a middle name the file does not have', name('Jose', 'Hernandez'), name('José', 'Hernández', 'Luis')],
    ['a middle initial', name('Jose', 'Hernandez', 'L'), name('José', 'Hernández', 'Luis')],
    ['a generational suffix on one side', name('Robert', 'King Jr.'), name('Robert', 'King')],
    ['a middle name only the school has', name('Jose', 'Hernandez', 'Luis'), name('José', 'Hernández')],
    ['a middle initial on our side', name('Jose', 'Hernandez', 'Luis'), name('José', 'Hernández', 'L')],
  ])('calls %s exact, with nothing to note', (_, school, ours) => {
    expect(verdict(school, ours).level).toBe('exact');
    expect(codes(school, ours)).toEqual([]);
  });

  it('calls a middle name written in the first-name column exact, and says so', () => {
    expect(verdict(name('Maria Elena', 'Garcia'), name('María', 'García', 'Elena')).level).toBe('exact');
    expect(codes(name('Maria Elena', 'Garcia'), name('María', 'García', 'Elena'))).toEqual(['middle_in_first_column']);
  });

  it.each([
    ['one letter missing from the first name', name('Aliyah', 'Brown'), name('Aaliyah', 'Brown'), ['first_name_typo']],
    ['two letters swapped in the first name', name('Joes', 'Smith'), name('Jose', 'Smith'), ['first_name_typo']],
    ['one letter wrong in the last name', name('Mateo', 'Silvia'), name('Mateo', 'Silva'), ['last_name_typo']],
    ['first and last swapped', name('Nguyen', 'Mai'), name('Mai', 'Nguyen'), ['names_swapped']],
    ['one part of a two-part last name', name('Luis', 'Ramirez'), name('Luis', 'Ramírez Ortega'), ['last_name_part']],
    ['the second surname only', name('Luis', 'Ortega'), name('Luis', 'Ramírez Ortega'), ['last_name_part']],
    ['a second given name only in the school file', name('Maria Elena', 'Garcia'), name('Maria', 'Garcia'), ['middle_name_missing']],
    ['a second given name only on our side', name('Maria', 'Garcia'), name('Maria Elena', 'Garcia'), ['middle_name_missing']],
    ['different middle names', name('Maria', 'Garcia', 'Luisa'), name('Maria', 'Garcia', 'Elena'), ['middle_name_differs']],
    ['a typo and one part of the last name', name('Aliyah', 'Brown'), name('Aaliyah', 'Brown Davis'), ['first_name_typo', 'last_name_part']],
    ['a two-part last name where we have one part', name('Luis', 'Ramírez Ortega'), name('Luis', 'Ramirez'), ['last_name_part']],
    ['the middle name in the first column and one part of the last name', name('Maria Elena', 'Garcia'), name('María', 'García López', 'Elena'),
      ['middle_in_first_column', 'last_name_part']],
    ['a middle name that is longer than ours, not an initial', name('Maria', 'Garcia', 'Elena'), name('Maria', 'Garcia', 'El'), ['middle_name_differs']],
    ['a middle name that is shorter than ours, not an initial', name('Maria', 'Garcia', 'El'), name('Maria', 'Garcia', 'Elena'), ['middle_name_differs']],
    ['swapped, the school with a middle name', name('Mai', 'Nguyen', 'Anh'), name('Nguyen', 'Mai'), ['names_swapped']],
    ['swapped, the school’s given names in our last-name box', name('Mai', 'Nguyen', 'Anh'), name('Nguyen', 'Mai Anh'), ['names_swapped']],
    ['swapped, with a middle name on our side', name('Nguyen', 'Mai'), name('Mai', 'Nguyen', 'Anh'), ['names_swapped']],
    ['swapped, our given names in the school’s last-name box', name('Nguyen', 'Mai Anh'), name('Mai', 'Nguyen', 'Anh'), ['names_swapped']],
  ])('calls %s probable, with the reason', (_, school, ours, expected) => {
    expect(verdict(school, ours).level).toBe('probable');
    expect(codes(school, ours)).toEqual(expected);
  });

  it.each([
    ['a different first name', name('Sophia', 'Martinez'), name('Sofia', 'Martinez')],
    ['a nickname', name('Bob', 'King'), name('Robert', 'King')],
    ['typos in both first and last name', name('Aliyah', 'Bown'), name('Aaliyah', 'Brown')],
    ['a different person', name('Kevin', 'Tran'), name('Mai', 'Nguyen')],
    ['an empty name', name('', ''), name('Mai', 'Nguyen')],
    ['a different last name', name('Maria', 'Garcia'), name('Maria', 'Lopez')],
    ['a row without a last name', name('Maria', ''), name('Maria', 'Garcia')],
    ['the same first name and no last name on either side', name('Maria', ''), name('Maria', '')],
    ['the same last name and no first name on either side', name('', 'Garcia'), name('', 'Garcia')],
    ['an initial for the first name', name('M', 'Garcia', 'Elena'), name('Maria', 'Garcia', 'Elena')],
    ['two last names in the other order', name('Maria', 'Lopez Garcia'), name('Maria', 'Garcia Lopez')],
    ['two last names of which one is among our three', name('Ana', 'Garcia Ruiz'), name('Ana', 'Garcia Lopez Diaz')],
    ['one word, in the first-name box on one side and the last-name box on the other', name('Nguyen', ''), name('', 'Nguyen')],
    ['the same, the other way round', name('', 'Nguyen'), name('Nguyen', '')],
    ['a last name that is the other’s first name, and nothing else alike', name('Kevin', 'Mai'), name('Mai', 'Nguyen')],
    ['a first name that is the other’s last name, and nothing else alike', name('Nguyen', 'Kevin'), name('Mai', 'Nguyen')],
  ])('calls %s no match', (_, school, ours) => {
    expect(verdict(school, ours).level).toBe('none');
  });
});

describe('isSmallNameDifference', () => {
  it.each([
    [name('Teo', 'Silva'), name('Mateo', 'Silva'), true],
    [name('Matteo', 'Silvia'), name('Mateo', 'Silva'), true],
    [name('Kevin', 'Tran'), name('Mateo', 'Silva'), false],
    [name('Mateo', 'Tran'), name('Mateo', 'Silva'), true],
    [name('Matteo', 'Tran'), name('Mateo', 'Silva'), false],
    [name('', ''), name('', ''), false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(isSmallNameDifference(foldName(a), foldName(b))).toBe(expected);
  });
});
