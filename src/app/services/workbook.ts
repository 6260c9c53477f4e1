/**
 * Reading a school's .xlsx workbook into sheets of cells. The reader
 * (read-excel-file) and the unzipper are loaded on first use, so their code is
 * its own chunk fetched only when an advisor chooses a spreadsheet.
 *
 * The archive is unpacked here and packed again without compression before the
 * reader sees it: the reader's unzipper inflates any entry over 512 KB (a
 * district's sheet) in a Worker made from a blob: URL, which the app's CSP
 * (`worker-src 'self'`) refuses, so a large file would fail to load.
 */
import { sheetRowsSchema, type SheetCell } from '../../shared/sheet-cells';

/** One sheet of a workbook, by the name its tab shows. */
export interface WorkbookSheet {
  name: string;
  rows: SheetCell[][];
}

/** True when the bytes are a zip archive, as every .xlsx is, whatever the file is called. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Every sheet of an .xlsx workbook, in tab order; throws when the file is not a workbook. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  const [{ unzipSync, zipSync }, { default: readXlsxFile }] = await Promise.all([
    import('fflate'),
    import('read-excel-file/universal'),
  ]);
  const stored = zipSync(unzipSync(bytes), { level: 0 });
  const sheets = await readXlsxFile(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer);
  return sheets.map(({ sheet, data }) => ({ name: sheet, rows: sheetRowsSchema.parse(data) }));
}
