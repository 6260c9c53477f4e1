/**
 * Reading .xlsx workbooks with the real reader, on workbooks written the way
 * Excel saves them (test/fixtures/xlsx.ts).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/app/services/workbook';
import { isZipArchive } from '../../../src/shared/file-text';
import { sheetRowsSchema } from '../../../src/shared/sheet-cells';
import { excelSerial, writeXlsx } from '../../fixtures/xlsx';

describe('readWorkbook', () => {
  it('reads every sheet in tab order: text, numbers, and date cells as dates at UTC midnight, as sheetRowsSchema accepts them', async () => {
    const bytes = writeXlsx([
      { name: 'Notes', rows: [['Sent Monday']] },
      { name: 'SSIDs', rows: [['Last', 'First', 'DOB', 'SSID'], ['García', 'Ana', excelSerial('2012-03-10'), 3120558741], ['Kim', 'Noah', 40609, '0012345678']] },
    ]);
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Notes', 'SSIDs']);
    expect(sheetRowsSchema.parse(sheets[1]?.rows)).toEqual([
      ['Last', 'First', 'DOB', 'SSID'],
      ['García', 'Ana', new Date(Date.UTC(2012, 2, 10)), 3120558741],
      ['Kim', 'Noah', 40609, '0012345678'],
    ]);
  });

  it('reads a district-sized sheet to its last row', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Family${i}`, `Student${i}`, excelSerial('2011-01-01'), 3_100_000_000 + i]);
    const [sheet] = await readWorkbook(writeXlsx([{ name: 'District', rows: [['Last', 'First', 'DOB', 'SSID'], ...rows] }]));
    const read = sheetRowsSchema.parse(sheet?.rows);
    expect(read).toHaveLength(3001);
    expect(read[3000]).toEqual(['Family2999', 'Student2999', new Date(Date.UTC(2011, 0, 1)), 3_100_002_999]);
  });

  it('refuses a zip archive that is not a workbook', async () => {
    await expect(readWorkbook(zipSync({ 'notes.txt': strToU8('hello') }))).rejects.toThrow();
  });
});

describe('isZipArchive', () => {
  it('tells a workbook from delimited text by its first bytes, whatever the file is called', () => {
    expect(isZipArchive(writeXlsx([{ name: 'Sheet1', rows: [['a']] }]))).toBe(true);
    expect(isZipArchive(strToU8('First Name,Last Name\n'))).toBe(false);
    expect(isZipArchive(new Uint8Array())).toBe(false);
  });
});
