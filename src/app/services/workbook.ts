/**
 * Reading a school's .xlsx workbook into sheets of cells, with read-excel-file.
 * Import this module dynamically: it and the reader are then one chunk,
 * fetched only when an advisor chooses a spreadsheet. It imports nothing of
 * the app's (not even zod), so the chunk does not split the shared ones.
 *
 * The archive is unpacked here and packed again without compression before the
 * reader sees it: the reader's unzipper inflates any entry over 512 KB (a
 * district's sheet) in a Worker made from a blob: URL, which the app's CSP
 * (`worker-src 'self'`) refuses, so a large file would fail to load.
 */
import { unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';

/** One sheet of a workbook, by the name its tab shows; its rows are checked by the caller (sheetRowsSchema). */
export interface RawSheet {
  name: string;
  rows: unknown;
}

/** Every sheet of an .xlsx workbook, in tab order; throws when the file is not a workbook. */
export async function readWorkbook(bytes: Uint8Array): Promise<RawSheet[]> {
  const stored = zipSync(unzipSync(bytes), { level: 0 });
  const sheets = await readXlsxFile(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer);
  return sheets.map(({ sheet, data }) => ({ name: sheet, rows: data }));
}
