/** One-time passwords an administrator reads out or writes down for an advisor. */
import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is copied by hand from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Twelve random characters in three groups of four (about 59 bits), e.g. "k7mw-p2qa-9tcx". */
export function newOneTimePassword(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
