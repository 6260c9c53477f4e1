/**
 * Searching as you type, the same way everywhere (records, students): every
 * part and every query word goes through searchFold, so "Ramírez", "ramirez"
 * and "RAMIREZ" find the same people on every screen.
 */
import { searchFold } from './names';
import { normalizeSsid } from './ssid';

/** What one entry is searched in: each part folded, and again with its words run together ("garcialopez"). */
export function searchHaystack(parts: readonly string[]): string {
  return parts.flatMap((part) => {
    const folded = searchFold(part);
    return folded.includes(' ') ? [folded, folded.replace(/ /g, '')] : [folded];
  }).join('\n');
}

/** The folded words of a query; an SSID typed in groups ("4821 937 560", "4821-937-560") stays one word. */
export function searchWords(query: string): string[] {
  const grouped = query.replace(/\d[\d\s-]*\d/g, (run) => (normalizeSsid(run).length === 10 ? normalizeSsid(run) : run));
  return searchFold(grouped).split(' ').filter(Boolean);
}
