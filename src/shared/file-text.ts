/**
 * Turning the bytes of a school's file into text before it is parsed. Excel
 * saves "CSV (Comma delimited)" in Windows-1252 on Windows, "CSV UTF-8" with a
 * byte-order mark, and "Unicode Text" as UTF-16 with tabs; reading them all as
 * UTF-8 would turn "García" into "Garc�a" and then fail to match.
 */

/** A file's text and the encoding it was read in. */
export interface FileText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Reads a school's file by its byte-order mark, else as UTF-8, else (not valid UTF-8) as Windows-1252. */
export function decodeSchoolFile(input: ArrayBuffer | Uint8Array): FileText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const [b0, b1, b2] = bytes;
  // TextDecoder drops the byte-order mark it recognises, so the parser sees clean text.
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    // A fatal decoder throws a TypeError only for bytes that cannot be UTF-8: a legacy Excel save.
    if (!(error instanceof TypeError)) throw error;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** True when the bytes are a zip archive, as every .xlsx workbook is, whatever the file is called. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
