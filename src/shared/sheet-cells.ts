/**
 * A spreadsheet's cells as a reader hands them over (text, numbers, true/false,
 * dates, or nothing), checked at the boundary and turned into the text a
 * delimited file would hold, so a sheet goes through the same reading as a CSV.
 */
import { z } from 'zod/mini';
import { isoFromParts } from './dates';

/**
 * A real Date. z.custom rather than z.date(): the app's first-visit chunk holds
 * zod's shared classes, and z.custom is among them already.
 */
const dateCell = z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()), 'Not a date.');

/** One cell: a date cell arrives as a Date at UTC midnight of the day Excel stores. */
export const sheetCellSchema = z.union([z.string(), z.number(), z.boolean(), dateCell, z.null()]);

/** A sheet: rows of cells, from the first row of the sheet. */
export const sheetRowsSchema = z.array(z.array(sheetCellSchema));

/** One cell as the reader gives it. */
export type SheetCell = z.infer<typeof sheetCellSchema>;

/**
 * A cell as text. A date cell becomes YYYY-MM-DD read in UTC, the reader's
 * time zone for Excel's day numbers, so no local offset moves it by a day. A
 * number keeps every digit (an SSID stored as a number, a day number in a
 * General cell, a CCYYMMDD date), as the date and SSID readers expect.
 */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoFromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  return String(cell);
}
