import { describe, expect, it } from 'vitest';
import { foldHeader, headerField, mapColumns } from '../../src/shared/return-columns';

describe('headerField', () => {
  it.each([
    ['First Name', 'firstName'], ['Student First Name', 'firstName'], ['Legal First Name', 'firstName'], ['FirstName', 'firstName'],
    ['Student Legal First Name', 'firstName'], ['first_name', 'firstName'],
    ['Middle Name', 'middleName'], ['MI', 'middleName'],
    ['Last Name', 'lastName'], ['Legal Last Name', 'lastName'], ['Surname', 'lastName'], ['Student Last Name', 'lastName'],
    ['Student Name', 'fullName'], ['Name (Last, First)', 'fullName'],
    ['Birthdate', 'dateOfBirth'], ['DOB', 'dateOfBirth'], ['Date of Birth', 'dateOfBirth'], ['D.O.B.', 'dateOfBirth'],
    ['DOB (MM/DD/YYYY)', 'dateOfBirth'], ['Student Birthdate', 'dateOfBirth'],
    ['SSID', 'ssid'], ['CA SSID', 'ssid'], ['Statewide Student ID', 'ssid'], ['SSID#', 'ssid'], ['SSID Number', 'ssid'],
    ['Student SSID', 'ssid'], ['State Student ID', 'ssid'], ['CALPADS SSID', 'ssid'],
    ['Grade', 'grade'], ['Grade Level', 'grade'], ['Gr', 'grade'],
    ['School Student ID', 'schoolStudentId'], ['Local ID', 'schoolStudentId'], ['Student ID', 'schoolStudentId'],
    ['Student #', 'schoolStudentId'], ['Perm ID', 'schoolStudentId'], ['Student Number', 'schoolStudentId'],
    ['School ID', null], ['Teacher', null], ['Preferred First Name', null], ['', null],
  ])('reads %j as %s', (header, field) => {
    expect(headerField(header)).toBe(field);
  });

  it('ignores byte-order marks, accents and punctuation in headers', () => {
    expect(foldHeader('\uFEFFFécha de Nacimiento')).toBe('fechadenacimiento');
    expect(headerField('\uFEFFFirst Name')).toBe('firstName');
  });
});

describe('mapColumns', () => {
  it('maps each field to its first column and says which duplicate it ignored', () => {
    const map = mapColumns(['Student ID', 'Local ID', 'SSID', '']);
    expect(map.byField).toEqual({ schoolStudentId: 0, ssid: 2 });
    expect(map.columns.map((c) => c.field)).toEqual(['schoolStudentId', null, 'ssid', null]);
    expect(map.warnings[0]?.message).toBe('Column “Local ID” was ignored: “Student ID” already gives the School Student ID.');
  });
});
