/**
 * Reading the CSV a school sends back with its students' SSIDs (design section 9).
 *
 * Forgiving the way real exports need: a byte-order mark, comma, semicolon, tab
 * or pipe delimiters, a title line above the headers, headers in any order and
 * under many names, quoted fields, blank lines and Excel's trailing empty columns.
 * Every SSID is checked with checkSsid; an invalid one is kept with its reasons
 * so the advisor sees it, and matching never offers it for applying.
 *
 * Large files (a district's 5,000 rows) are read in chunks: parseSchoolReturn
 * reports progress and yields to the UI between chunks.
 */
import Papa from 'papaparse';
import { birthDateWarning, parseDate, todayIso } from './dates';
import { checkSsid, type Issue } from './ssid';
import { mapColumns, missingColumnErrors, recognisedFieldCount, type ColumnMap, type ReturnColumn } from './return-columns';

/** The SSID cell of one row, checked. */
export interface ReturnSsid {
  /** The cell as the school wrote it. */
  raw: string;
  /** `valid`: a 10-digit value; `invalid`: see errors; `blank`: the school gave none (often "not found"). */
  status: 'valid' | 'invalid' | 'blank';
  /** The 10-digit SSID when valid, else null. */
  value: string | null;
  errors: Issue[];
  warnings: Issue[];
}

/** One student row of a school's return. */
export interface ReturnRow {
  /** Row number as a spreadsheet shows the file (the header row is usually 1). */
  line: number;
  firstName: string;
  middleName: string;
  lastName: string;
  /** YYYY-MM-DD, or null when missing or unreadable (see dateProblem). */
  dateOfBirth: string | null;
  dateProblem: Issue | null;
  ssid: ReturnSsid;
  /** "K" or "1" to "12" when recognisable, else the cell as written. */
  grade: string;
  schoolStudentId: string;
  /** Oddities worth a look that do not stop the row (e.g. an implausible birth date). */
  warnings: Issue[];
}

/** A parsed return: rows, or file-level errors saying why there are none. */
export interface SchoolReturn {
  rows: ReturnRow[];
  columns: ReturnColumn[];
  /** The delimiter the file uses, as detected. */
  delimiter: string;
  /** Problems that stop the import (no SSID column...); rows is empty when there are any. */
  errors: Issue[];
  /** Problems with parts of the file (a column ignored, a broken quote on a line). */
  warnings: Issue[];
}

/** How far a chunked read has got. */
export interface ParseProgress {
  rowsDone: number;
  rowsTotal: number;
}

/** Options for reading a return. */
export interface ParseOptions {
  /** Today as YYYY-MM-DD: decides two-digit years. Defaults to the local date. */
  today?: string;
  /** Rows read between progress reports. */
  chunkRows?: number;
  onProgress?: (progress: ParseProgress) => void;
  /** Awaited between chunks so the UI can paint; defaults to a zero-delay timer. */
  pause?: () => Promise<void>;
  /** Stops the read (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

const DELIMITERS = [',', ';', '\t', '|'];
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;
const DEFAULT_CHUNK_ROWS = 500;

/** A cell our own request list defused with a quote ("'=..."): one quote comes off (see request-list.ts). */
const DEFUSED = /^'(?='*[=+\-@\t\r])/;

function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Picks the delimiter and header row together: the pair whose header names the
 * most fields we know. Guessing the delimiter from data alone is fooled by
 * commas inside names ("Garcia, Jr."); the header is the reliable signal.
 */
function findHeader(text: string): { delimiter: string; headerIndex: number; score: number } {
  const sample = text.split(/\r\n|\n|\r/, 30).join('\n');
  let best = { delimiter: ',', headerIndex: -1, score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 30 }).data;
    for (let i = 0, seen = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
      const row = rows[i] ?? [];
      if (isBlankRow(row)) continue;
      seen++;
      const score = recognisedFieldCount(row);
      if (score > best.score) best = { delimiter, headerIndex: i, score };
    }
  }
  return best;
}

/** Grades as the roster writes them: "K", "1" to "12". */
export function normalizeGrade(cell: string): string {
  const text = cell.trim();
  const folded = text.toLowerCase().replace(/^grade\s*/, '').replace(/(st|nd|rd|th)$/, '');
  if (['k', 'kg', 'kn', 'kdg', '0', '00'].includes(folded)) return 'K';
  if (/^\d{1,2}$/.test(folded) && Number(folded) >= 1 && Number(folded) <= 12) return String(Number(folded));
  return text;
}

/** Checks the SSID cell, adding what Excel is known to do to long numbers. */
function readSsid(raw: string, localId: string): ReturnSsid {
  if (raw === '') return { raw, status: 'blank', value: null, errors: [], warnings: [] };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(raw)) {
    const errors = [{
      code: 'ssid_scientific',
      message: 'Excel turned this number into scientific notation, which loses digits. Ask the school to export the SSID column as text.',
    }];
    return { raw, status: 'invalid', value: null, errors, warnings: [] };
  }
  const check = checkSsid(raw, { localId });
  const warnings = [...check.warnings];
  if (check.value === null && /^\d{9}$/.test(raw.trim())) {
    warnings.push({
      code: 'ssid_leading_zero',
      message: 'Excel may have dropped a leading zero. Ask the school for the number as text; never add the zero yourself.',
    });
  }
  return { raw, status: check.value === null ? 'invalid' : 'valid', value: check.value, errors: check.errors, warnings };
}

/** Splits "Garcia Lopez, Maria Elena" (or "Maria Garcia") into first, middle and last. */
function splitFullName(full: string): { firstName: string; middleName: string; lastName: string } {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const [first = '', ...middle] = full.slice(comma + 1).trim().split(/\s+/);
    return { firstName: first, middleName: middle.join(' '), lastName: full.slice(0, comma).trim() };
  }
  const [first = '', ...rest] = full.trim().split(/\s+/);
  return { firstName: first, middleName: '', lastName: rest.join(' ') };
}

function readRow(cells: string[], line: number, map: ColumnMap, today: string): ReturnRow | null {
  const cell = (index: number | undefined): string =>
    index === undefined ? '' : (cells[index] ?? '').trim().replace(DEFUSED, '');
  const { byField } = map;
  const names =
    byField.firstName !== undefined || byField.lastName !== undefined
      ? { firstName: cell(byField.firstName), middleName: cell(byField.middleName), lastName: cell(byField.lastName) }
      : splitFullName(cell(byField.fullName));
  const dobCell = cell(byField.dateOfBirth);
  const ssidCell = cell(byField.ssid);
  if (names.firstName === '' && names.lastName === '' && dobCell === '' && ssidCell === '') return null;

  const warnings: Issue[] = [];
  const date = parseDate(dobCell, { today });
  if (date.ok) {
    const odd = birthDateWarning(date.iso, today);
    if (odd) warnings.push(odd);
  }
  const schoolStudentId = cell(byField.schoolStudentId);
  return {
    line,
    ...names,
    dateOfBirth: date.ok ? date.iso : null,
    dateProblem: date.ok ? null : date.problem,
    ssid: readSsid(ssidCell, schoolStudentId),
    grade: normalizeGrade(cell(byField.grade)),
    schoolStudentId,
    warnings,
  };
}

function parseWarnings(errors: Papa.ParseError[]): Issue[] {
  return errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({
      code: 'csv_quotes',
      message: `Row ${(e.row ?? 0) + 1}: a quoted value is not closed properly; check that row in the file.`,
    }));
}

/**
 * The reading itself, as a generator that yields progress after each chunk of
 * rows and returns the whole result: the sync and async entry points share it.
 */
function* readReturn(input: string, today: string, chunkRows: number): Generator<ParseProgress, SchoolReturn> {
  const text = input.replace(/^\uFEFF+/, '');
  const header = findHeader(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: header.score > 0 ? header.delimiter : '' });
  const records = parsed.data;
  const delimiter = parsed.meta.delimiter;
  if (header.score === 0) {
    const firstRow = records.find((r) => !isBlankRow(r)) ?? [];
    const map = mapColumns(firstRow);
    return { rows: [], columns: map.columns, delimiter, errors: missingColumnErrors(map), warnings: [] };
  }
  const map = mapColumns(records[header.headerIndex] ?? []);
  const errors = missingColumnErrors(map);
  const warnings = [...map.warnings, ...parseWarnings(parsed.errors)];
  if (errors.length > 0) return { rows: [], columns: map.columns, delimiter, errors, warnings };

  const rows: ReturnRow[] = [];
  const rowsTotal = records.length - header.headerIndex - 1;
  for (let start = header.headerIndex + 1; start < records.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, records.length);
    for (let i = start; i < end; i++) {
      const row = readRow(records[i] ?? [], i + 1, map, today);
      if (row) rows.push(row);
    }
    yield { rowsDone: end - header.headerIndex - 1, rowsTotal };
  }
  return { rows, columns: map.columns, delimiter, errors: [], warnings };
}

/** Reads a school's return in one go: for small files and tests. */
export function parseSchoolReturnSync(text: string, options: Pick<ParseOptions, 'today'> = {}): SchoolReturn {
  const reading = readReturn(text, options.today ?? todayIso(), Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Reads a school's return in chunks, reporting progress and letting the UI paint between chunks. */
export async function parseSchoolReturn(text: string, options: ParseOptions = {}): Promise<SchoolReturn> {
  const reading = readReturn(text, options.today ?? todayIso(), options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  const pause = options.pause ?? nextTask;
  for (;;) {
    options.signal?.throwIfAborted();
    const step = reading.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await pause();
  }
}
