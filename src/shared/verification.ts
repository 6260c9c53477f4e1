/**
 * Verification by a second keyer (design section 13): comparing two blind
 * keyings of the same paper field and settling a disagreement against the
 * paper with a third blind keying, and a person's look at the paper where the
 * third settled nothing. Pure, so the rules read (and are tested) in one
 * place. The rules settle one field at a time; verify-sheet.ts applies them to
 * a sheet, verification-record.ts checks a verification against them.
 *
 * The rule for a disagreement, as a person would apply it:
 * 1. Two keyings that agree (after the harmless differences below) stand.
 * 2. Two that differ are never settled by choosing one: the paper is keyed a
 *    third time, blind. People who choose tend to pick the value that looks
 *    right rather than look at the paper again.
 * 3. A third keying that agrees with exactly one of the two settles the field
 *    with that value.
 * 4. A third keying that agrees with neither sends the field to "Needs a second
 *    look", with all three values side by side.
 * 5. At the second look a person (never the first keyer) holds the paper and
 *    types the field as it reads there, the three values in view:
 *    a. a reading that agrees with one of the three stands;
 *    b. a reading that agrees with none stands only once typed again alike: no
 *       keyer had it, so a slip of the fingers must not be what stands;
 *    c. the SSID may be read as blank: the paper cannot be read for sure, so
 *       the record goes without one and it is asked of the school, whose
 *       records are the best source (a wrong SSID is worse than none). Any
 *       other field read as blank is asked again: the paper must give it.
 */
import { normalizeSsid } from './ssid';

/**
 * What a keying of one field means, with only the differences that never
 * change what the paper says taken out: spaces and dashes in an SSID, all but
 * the digits of a phone number, white space around and inside names. Case and accents are kept: "Mcdonald" and
 * "McDonald" are different readings of the paper, and the paper decides.
 */
export function canonicalKeying(field: string, value: string): string {
  const trimmed = value.normalize('NFC').trim();
  if (field === 'ssid') return normalizeSsid(trimmed);
  // A phone number is its digits: "(408) 555-0142" and "408 555 0142" are the same line of the paper.
  if (field === 'phone' || field === 'guardianPhone') return trimmed.replace(/\D/g, '');
  return trimmed.replace(/\s+/g, ' ');
}

/** A person's reading of the paper at the second look (rule 5), and the same typed again where rule 5b asks. */
export interface PaperLook {
  reading: string;
  again?: string | undefined;
}

/** Where one field stands after the keyings made so far. */
export type FieldVerdict =
  | { state: 'agreed'; value: string }
  | { state: 'needs_third' }
  | { state: 'settled'; value: string }
  /** `readAgain`: a look was taken, and its reading agreed with none of the three (rule 5b). */
  | { state: 'second_look'; values: readonly [string, string, string]; readAgain?: true }
  | { state: 'resolved'; value: string };

/** Applies rules 1 to 5 to one field. Order independent in the first two keyings; a look changes only a field in a second look. */
export function settleField(field: string, first: string, second: string, third?: string, look?: PaperLook): FieldVerdict {
  const a = canonicalKeying(field, first);
  const b = canonicalKeying(field, second);
  if (a === b) return { state: 'agreed', value: a };
  if (third === undefined) return { state: 'needs_third' };
  const c = canonicalKeying(field, third);
  if (c === a || c === b) return { state: 'settled', value: c };
  // Sorted, so the screen cannot tell which keying came first.
  const [x, y] = [a, b].sort();
  const values = [x as string, y as string, c] as const;
  if (look === undefined) return { state: 'second_look', values };
  const read = lookAtPaper(field, values, look);
  return read === undefined ? { state: 'second_look', values, readAgain: true } : { state: 'resolved', value: read };
}

/** Rule 5: the value a look at the paper gives, or undefined where it must be read again. */
function lookAtPaper(field: string, values: readonly string[], look: PaperLook): string | undefined {
  const reading = canonicalKeying(field, look.reading);
  if (reading === '') return field === 'ssid' ? '' : undefined;
  if (values.includes(reading)) return reading;
  return look.again !== undefined && canonicalKeying(field, look.again) === reading ? reading : undefined;
}
