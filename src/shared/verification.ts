/**
 * Verification by a second keyer (design section 13): comparing two blind
 * keyings of the same paper field and settling a disagreement against the
 * paper with a third blind keying. Pure, so the rules read (and are tested) in
 * one place. The rules settle one field at a time; today the accuracy
 * benchmark is their only caller.
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
 */
import { normalizeSsid } from './ssid';

/**
 * What a keying of one field means, with only the differences that never
 * change what the paper says taken out: spaces and dashes in an SSID, white
 * space around and inside names. Case and accents are kept: "Mcdonald" and
 * "McDonald" are different readings of the paper, and the paper decides.
 */
export function canonicalKeying(field: string, value: string): string {
  const trimmed = value.normalize('NFC').trim();
  if (field === 'ssid') return normalizeSsid(trimmed);
  return trimmed.replace(/\s+/g, ' ');
}

/** Where one field stands after the keyings made so far. */
export type FieldVerdict =
  | { state: 'agreed'; value: string }
  | { state: 'needs_third' }
  | { state: 'settled'; value: string }
  | { state: 'second_look'; values: readonly [string, string, string] };

/** Applies rules 1 to 4 to one field. Order independent in the first two keyings. */
export function settleField(field: string, first: string, second: string, third?: string): FieldVerdict {
  const a = canonicalKeying(field, first);
  const b = canonicalKeying(field, second);
  if (a === b) return { state: 'agreed', value: a };
  if (third === undefined) return { state: 'needs_third' };
  const c = canonicalKeying(field, third);
  if (c === a || c === b) return { state: 'settled', value: c };
  // Sorted, so the screen cannot tell which keying came first.
  const [x, y] = [a, b].sort();
  return { state: 'second_look', values: [x as string, y as string, c] };
}
