/**
 * The state system's caret-delimited extracts, as registrars pull them from
 * CALPADS: `SSID^LocalID^LastName^FirstName^BirthDate`, the date as CCYYMMDD,
 * often with no header row. With a header, the header names the columns like
 * any other file; without one, the columns are known by their order.
 */

/** The extract's delimiter. */
export const STATE_EXTRACT_DELIMITER = '^';

/** The extract's columns in order, as its header row names them. */
export const STATE_EXTRACT_COLUMNS = ['SSID', 'LocalID', 'LastName', 'FirstName', 'BirthDate'] as const;

const BIRTH_DATE = STATE_EXTRACT_COLUMNS.indexOf('BirthDate');
const SSID = STATE_EXTRACT_COLUMNS.indexOf('SSID');

/**
 * Whether rows split on carets have the extract's shape without a header: the
 * first non-blank row has every column, an SSID cell of digits (or none) and a
 * CCYYMMDD birth date. A file that is not an extract keeps its "no column" message.
 */
export function isHeaderlessStateExtract(rows: string[][]): boolean {
  const first = rows.find((row) => row.some((cell) => cell.trim() !== ''));
  if (!first || first.length < STATE_EXTRACT_COLUMNS.length) return false;
  return /^\d*$/.test((first[SSID] ?? '').trim()) && /^\d{8}$/.test((first[BIRTH_DATE] ?? '').trim());
}
