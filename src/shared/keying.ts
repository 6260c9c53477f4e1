/**
 * Keying at the pace of bulk-entry tools (EpiData, CSPro; design section 14):
 * a fixed-length field moves on by itself once it is full, and an option is
 * chosen by its number or first letter. Pure rules; the form does the moving.
 */
import type { FieldKind } from './application';
import { normalizeSsid, SSID_LENGTH } from './ssid';
import { isCompleteTypedDate } from './typed-dates';

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Whether a typed value fills its field, so the cursor can move on without a key. */
export function isFieldFull(kind: FieldKind, value: string): boolean {
  const typed = value.trim();
  switch (kind) {
    case 'ssid':
      return /^[\d\s-]+$/.test(typed) && normalizeSsid(typed).length === SSID_LENGTH;
    case 'zip':
      return /^\d{5}$/.test(typed);
    case 'tel':
      // Ten digits is a whole US number; a leading 1 or + means more is coming.
      return /^[\d\s().-]+$/.test(typed) && !typed.startsWith('1') && digitsOf(typed).length === 10;
    case 'date':
      return isCompleteTypedDate(typed);
    default:
      return false;
  }
}

/**
 * The option one key chooses: 1 to 9 pick by position (unless the options are
 * numbers themselves, like grades), a letter or digit picks the only option
 * that starts with it. Null when the key chooses nothing or is ambiguous.
 */
export function optionForKey(labels: readonly string[], key: string): number | null {
  if (key.length !== 1) return null;
  const numbered = labels.some((label) => /^\d/.test(label));
  if (/^[1-9]$/.test(key) && !numbered) {
    const index = Number(key) - 1;
    return index < labels.length ? index : null;
  }
  const folded = key.toLowerCase();
  const starts = labels.flatMap((label, index) => (label.trim().toLowerCase().startsWith(folded) ? [index] : []));
  return starts.length === 1 ? (starts[0] ?? null) : null;
}
