import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSchoolFile } from '../../src/shared/file-text';
import { parseSchoolReturnSync } from '../../src/shared/school-return';
import { TODAY } from './school-fixtures';

const bytes = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/school-returns/${name}`, import.meta.url)));
const names = (text: string) => parseSchoolReturnSync(text, { today: TODAY }).rows.map((r) => `${r.firstName} ${r.lastName}`);

describe('decodeSchoolFile', () => {
  it.each([
    ['excel-windows-1252.csv', 'windows-1252'],
    ['excel-unicode-text-utf16.txt', 'utf-16le'],
    ['excel-bom-crlf-trailing-commas.csv', 'utf-8'],
    ['accents-apostrophes.csv', 'utf-8'],
  ])('reads %s as %s', (name, encoding) => {
    expect(decodeSchoolFile(bytes(name)).encoding).toBe(encoding);
  });

  it('keeps the accents of a legacy Excel save and of a "Unicode Text" save', () => {
    for (const name of ['excel-windows-1252.csv', 'excel-unicode-text-utf16.txt']) {
      expect(names(decodeSchoolFile(bytes(name)).text)).toEqual(['María Elena García-López', 'Zoë Ångström']);
    }
  });

  it('drops the byte-order mark and reads big-endian UTF-16 too', () => {
    const text = 'SSID\r\n1234567891';
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(decodeSchoolFile(be)).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeSchoolFile(new TextEncoder().encode(`\uFEFF${text}`).buffer)).toEqual({ text, encoding: 'utf-8' });
  });
});
