/**
 * CSV files people open in Excel: what every CSV the app writes must do so a
 * spreadsheet reads it as it was meant, and runs nothing from it.
 */
import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run as a formula: = + - @, and tab or carriage
 * return, which some spreadsheets skip before looking for those. They get a
 * leading single quote. A cell that already starts with quotes before such a
 * character gets one more, so the import can undo exactly one (school-return.ts).
 * papaparse's own `escapeFormulae: true` pattern ends in `.*$` and so misses
 * multi-line cells.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * `rows` under `fields` as CSV: a UTF-8 byte-order mark (without it, Excel
 * opens "García" as "GarcÃ­a"), CRLF line ends, and formula-like cells defused
 * with a leading single quote.
 */
export function spreadsheetCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  const csv = Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${csv}\r\n`;
}

/** `text` as a piece of a file name safe on every system: accents dropped, lower case, dashes; `fallback` when nothing is left. */
export function fileNameSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || fallback;
}
