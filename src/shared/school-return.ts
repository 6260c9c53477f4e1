/**
 * Reading the file a school sends back with its students' SSIDs (design section 9):
 * a CSV, the state system's caret-delimited extract (with or without its header
 * row), or a sheet of a spreadsheet already read into cells.
 *
 * Forgiving the way real exports need: a byte-order mark, comma, semicolon, tab,
 * pipe or caret delimiters, a title line above the headers, headers in any order and
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
import { cellText, type SheetCell } from './sheet-cells';
import { isHeaderlessStateExtract, STATE_EXTRACT_COLUMNS, STATE_EXTRACT_DELIMITER } from './state-extract';

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

const DELIMITERS = [',', ';', '\t', '|', STATE_EXTRACT_DELIMITER];
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;
const DEFAULT_CHUNK_ROWS = 500;

/** A cell our own request list defused with a quote ("'=..."): one quote comes off (see request-list.ts). */
const DEFUSED = /^'(?='*[=+\-@\t\r])/;

function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** The first of the top rows that names the most fields we know, and how many it names (0: none). */
function findHeaderRow(rows: string[][]): { headerIndex: number; score: number } {
  let best = { headerIndex: -1, score: 0 };
  for (let i = 0, seen = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    const row = rows[i] ?? [];
    if (isBlankRow(row)) continue;
    seen++;
    const score = recognisedFieldCount(row);
    if (score > best.score) best = { headerIndex: i, score };
  }
  return best;
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
    const found = findHeaderRow(Papa.parse<string[]>(sample, { delimiter, preview: 30 }).data);
    if (found.score > best.score) best = { delimiter, ...found };
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

/** A file's cells as text rows, with what reading them into rows noticed. */
interface Table {
  records: string[][];
  delimiter: string;
  warnings: Issue[];
}

/** Where a table's header is (-1 when the layout is known without one) and how its columns read. */
interface Header {
  index: number;
  map: ColumnMap;
}

/**
 * The reading itself, as a generator that yields progress after each chunk of
 * rows and returns the whole result: every entry point shares it. With no
 * header, the first row's cells say which columns are missing.
 */
function* readTable(table: Table, header: Header | null, today: string, chunkRows: number): Generator<ParseProgress, SchoolReturn> {
  const { records, delimiter } = table;
  if (!header) {
    const map = mapColumns(records.find((r) => !isBlankRow(r)) ?? []);
    return { rows: [], columns: map.columns, delimiter, errors: missingColumnErrors(map), warnings: [] };
  }
  const { map } = header;
  const errors = missingColumnErrors(map);
  const warnings = [...map.warnings, ...table.warnings];
  if (errors.length > 0) return { rows: [], columns: map.columns, delimiter, errors, warnings };

  const rows: ReturnRow[] = [];
  const first = header.index + 1;
  const rowsTotal = records.length - first;
  for (let start = first; start < records.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, records.length);
    for (let i = start; i < end; i++) {
      const row = readRow(records[i] ?? [], i + 1, map, today);
      if (row) rows.push(row);
    }
    yield { rowsDone: end - first, rowsTotal };
  }
  return { rows, columns: map.columns, delimiter, errors: [], warnings };
}

/**
 * A delimited file: the header decides the delimiter; a file with no header we
 * know is read as the state system's caret extract when its rows have that shape.
 */
function readText(input: string, today: string, chunkRows: number): Generator<ParseProgress, SchoolReturn> {
  const text = input.replace(/^\uFEFF+/, '');
  // The extract's shape is checked first: a student named "Id" or "Grade" would look like a header.
  const sample = text.split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS).join('\n');
  if (isHeaderlessStateExtract(Papa.parse<string[]>(sample, { delimiter: STATE_EXTRACT_DELIMITER }).data)) {
    const caret = Papa.parse<string[]>(text, { delimiter: STATE_EXTRACT_DELIMITER });
    const table = { records: caret.data, delimiter: STATE_EXTRACT_DELIMITER, warnings: parseWarnings(caret.errors) };
    return readTable(table, { index: -1, map: mapColumns([...STATE_EXTRACT_COLUMNS]) }, today, chunkRows);
  }
  const found = findHeader(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: found.score > 0 ? found.delimiter : '' });
  const table = { records: parsed.data, delimiter: parsed.meta.delimiter, warnings: parseWarnings(parsed.errors) };
  const header = found.score > 0 ? { index: found.headerIndex, map: mapColumns(parsed.data[found.headerIndex] ?? []) } : null;
  return readTable(table, header, today, chunkRows);
}

/** A spreadsheet's sheet, its cells as the reader gives them (delimiter ''). */
function readSheet(cells: SheetCell[][], today: string, chunkRows: number): Generator<ParseProgress, SchoolReturn> {
  const records = cells.map((row) => row.map(cellText));
  const found = findHeaderRow(records);
  const header = found.score > 0 ? { index: found.headerIndex, map: mapColumns(records[found.headerIndex] ?? []) } : null;
  return readTable({ records, delimiter: '', warnings: [] }, header, today, chunkRows);
}

/** Reads a school's return in one go: for small files and tests. */
export function parseSchoolReturnSync(text: string, options: Pick<ParseOptions, 'today'> = {}): SchoolReturn {
  const reading = readText(text, options.today ?? todayIso(), Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function readInChunks(reading: Generator<ParseProgress, SchoolReturn>, options: ParseOptions): Promise<SchoolReturn> {
  const pause = options.pause ?? nextTask;
  for (;;) {
    options.signal?.throwIfAborted();
    const step = reading.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await pause();
  }
}

/** Reads a school's return in chunks, reporting progress and letting the UI paint between chunks. */
export function parseSchoolReturn(text: string, options: ParseOptions = {}): Promise<SchoolReturn> {
  return readInChunks(readText(text, options.today ?? todayIso(), options.chunkRows ?? DEFAULT_CHUNK_ROWS), options);
}

/** Reads one sheet of a school's spreadsheet the same way, in chunks. */
export function parseSchoolSheet(cells: SheetCell[][], options: ParseOptions = {}): Promise<SchoolReturn> {
  return readInChunks(readSheet(cells, options.today ?? todayIso(), options.chunkRows ?? DEFAULT_CHUNK_ROWS), options);
}
