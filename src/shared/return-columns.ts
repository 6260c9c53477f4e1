/**
 * Recognising the columns of a school's SSID return, whatever its information
 * system calls them ("Legal Last Name", "Birthdate", "SSID#", "Statewide
 * Student ID"...). "Student ID" alone is the school's own number, never the SSID.
 */
import type { Issue } from './ssid';

/** What a column of a school's return holds. */
export type ReturnField =
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'fullName'
  | 'dateOfBirth'
  | 'ssid'
  | 'grade'
  | 'schoolStudentId';

/** The advisor's words for each kind of column. */
export const RETURN_FIELD_LABELS: Record<ReturnField, string> = {
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  fullName: 'full name',
  dateOfBirth: 'date of birth',
  ssid: 'CA SSID',
  grade: 'grade',
  schoolStudentId: 'School Student ID',
};

/** Header spellings seen in SIS exports, folded by foldHeader. */
const ALIASES: Record<ReturnField, string[]> = {
  firstName: ['firstname', 'first', 'fname', 'givenname', 'legalfirstname', 'firstnamelegal', 'stufirstname'],
  middleName: ['middlename', 'middle', 'mname', 'middleinitial', 'mi', 'legalmiddlename', 'stumiddlename'],
  lastName: ['lastname', 'last', 'lname', 'surname', 'familyname', 'legallastname', 'lastnamelegal', 'stulastname'],
  fullName: ['name', 'fullname', 'lastfirst', 'lastnamefirstname', 'namelastfirst'],
  dateOfBirth: ['dob', 'birthdate', 'dateofbirth', 'birthday', 'birthdt', 'dobdate', 'studob', 'stubirthdate'],
  ssid: [
    'ssid', 'ssidno', 'ssidnumber', 'cassid', 'cassidno', 'cassidnumber', 'statewideid', 'statewidestudentid',
    'statewidestudentidentifier', 'castatewidestudentid', 'castatewidestudentidentifier', 'stateid',
    'statestudentid', 'statessid', 'calpadsssid', 'calpadsid', 'stateidno',
  ],
  grade: ['grade', 'gradelevel', 'gr', 'grd', 'currentgrade', 'gradelvl', 'grlevel'],
  schoolStudentId: [
    'studentid', 'studentno', 'studentnumber', 'localid', 'localstudentid', 'schoolstudentid', 'studentlocalid',
    'permid', 'permno', 'permnumber', 'permanentid', 'sisid', 'localsisid', 'districtid', 'districtstudentid', 'id',
  ],
};

/** Words that prefix a header without changing what it holds ("Student Legal First Name"). */
const PREFIXES = ['student', 'pupil', 'legal', 'stu'];

const FIELD_BY_ALIAS = new Map<string, ReturnField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as ReturnField] as const)),
);

/** Folds a header to letters and digits: "SSID#" -> "ssidno", "DOB (MM/DD/YYYY)" -> "dob". */
export function foldHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/#/g, 'no')
    .replace(/[^a-z0-9]/g, '');
}

/** The field a header names, or null when it is not one we use. */
export function headerField(header: string): ReturnField | null {
  let folded = foldHeader(header);
  for (;;) {
    const field = FIELD_BY_ALIAS.get(folded);
    if (field) return field;
    const prefix = PREFIXES.find((p) => folded.startsWith(p) && folded.length > p.length);
    if (!prefix) return null;
    folded = folded.slice(prefix.length);
  }
}

/** One column of the file and what we read it as. */
export interface ReturnColumn {
  index: number;
  header: string;
  field: ReturnField | null;
}

/** The file's columns, which column gives each field, and what could not be used. */
export interface ColumnMap {
  columns: ReturnColumn[];
  byField: Partial<Record<ReturnField, number>>;
  warnings: Issue[];
}

/** Reads a header row: the first column naming a field wins; a second one is reported and ignored. */
export function mapColumns(headers: string[]): ColumnMap {
  const byField: Partial<Record<ReturnField, number>> = {};
  const warnings: Issue[] = [];
  const columns = headers.map((raw, index): ReturnColumn => {
    const header = raw.replace(/\uFEFF/g, '').trim();
    const field = headerField(header);
    if (field === null) return { index, header, field };
    const first = byField[field];
    if (first !== undefined) {
      warnings.push({
        code: 'column_duplicate',
        message: `Column “${header}” was ignored: “${headers[first]?.trim()}” already gives the ${RETURN_FIELD_LABELS[field]}.`,
      });
      return { index, header, field: null };
    }
    byField[field] = index;
    return { index, header, field };
  });
  return { columns, byField, warnings };
}

/** How many distinct fields a header row names: used to find the header row and the delimiter. */
export function recognisedFieldCount(headers: string[]): number {
  return new Set(headers.map(headerField).filter((field) => field !== null)).size;
}

/** The file-level problems that stop an import: no name, date of birth or SSID column. */
export function missingColumnErrors(map: ColumnMap): Issue[] {
  const { byField } = map;
  const found = map.columns.map((c) => c.header).filter((h) => h !== '');
  const foundText = found.length > 0 ? `Columns found: ${found.map((h) => `“${h}”`).join(', ')}.` : 'No column headers were found.';
  const missing: string[] = [];
  const names = missingNames(byField);
  if (names) missing.push(names);
  if (byField.dateOfBirth === undefined) missing.push('date of birth');
  if (byField.ssid === undefined) missing.push('CA SSID');
  if (missing.length === 0) return [];
  const errors: Issue[] = [{
    code: 'columns_missing',
    message: `No column for the ${missing.join(', the ')}. ${foundText}`,
  }];
  if (byField.ssid === undefined && byField.schoolStudentId !== undefined) {
    errors.push({
      code: 'columns_student_id_is_local',
      message: `“${headerAt(map, byField.schoolStudentId)}” is read as the school’s own student number, not the CA SSID. Ask the school for a column named “SSID”.`,
    });
  }
  return errors;
}

function headerAt(map: ColumnMap, index: number): string {
  return map.columns[index]?.header ?? '';
}

/** Which part of the name has no column, or null when names can be read (a full-name column will do). */
function missingNames(byField: ColumnMap['byField']): string | null {
  if (byField.fullName !== undefined) return null;
  const first = byField.firstName !== undefined;
  const last = byField.lastName !== undefined;
  if (first && last) return null;
  if (!first && !last) return 'names';
  return first ? 'last name' : 'first name';
}
