/**
 * Keying at the pace of bulk-entry tools (EpiData, CSPro; design section 14):
 * a fixed-length field moves on by itself once it is full, so does a field
 * typed with one of its whole common values, an option is chosen by its
 * number or first letter, and Enter passes over what the app filled in (as
 * EpiData's "no enter" fields). Pure rules; the form does the moving.
 */
import type { FieldDef, FieldKind } from './application';
import { normalizeSsid, SSID_LENGTH } from './ssid';
import { isCompleteTypedDate } from './typed-dates';

const digitsOf = (value: string) => value.replace(/\D/g, '');

/**
 * Whether `typed` is one of `words` in full (case aside) and no longer word
 * goes on from it: a listed word typed letter by letter never moves on before
 * its last letter, so the rest of it cannot spill into the next field.
 */
export function isWholeWord(words: readonly string[], typed: string): boolean {
  const folded = typed.trim().toLowerCase();
  if (folded === '') return false;
  const lower = words.map((word) => word.toLowerCase());
  return lower.includes(folded) && !lower.some((word) => word.length > folded.length && word.startsWith(folded));
}

/**
 * Whether a key pressed in a field the cursor reached by itself from a words
 * field, before anything was typed there, belongs to the field it left: only a
 * space, since no value starts with one ("Spanish" moved on, " and English"
 * goes on in the home language, not into the guardian's name).
 */
export function continuesFieldLeft(key: string, typedHere: string): boolean {
  return key === ' ' && typedHere === '';
}

/** Whether Enter stops at a field holding `value`: not at one the app filled for the advisor while it holds a value. */
export function isEnterStop(def: Pick<FieldDef, 'filledForAdvisor'>, value: string): boolean {
  return !(def.filledForAdvisor && value !== '');
}

/** Whether a typed value fills its field (`words`: its whole common values), so the cursor can move on without a key. */
export function isFieldFull(kind: FieldKind, value: string, words: readonly string[] = []): boolean {
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
      return isWholeWord(words, typed);
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
