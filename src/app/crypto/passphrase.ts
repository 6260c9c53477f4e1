/**
 * What makes an acceptable vault passphrase.
 *
 * The threat is a lost or stolen tablet: the attacker copies the salt and the
 * wrapped key and guesses offline, with no lock-out to slow them. Even at
 * 600,000 PBKDF2 iterations a single modern GPU tries on the order of ten
 * thousand guesses a second, so 8 lower-case letters (2e11 combinations) fall
 * in months on one card and days on a rented rack; NIST's 8-character floor
 * assumes a server that throttles guesses, which an offline tablet cannot.
 * Twelve characters (three or four ordinary words) puts it out of reach while
 * staying typeable on a tablet keyboard several times a day. We ask for a
 * passphrase, not a PIN: all-digit and near-constant strings are refused.
 * No composition rules beyond that: they push people to "Password1!".
 */
export const MIN_PASSPHRASE_LENGTH = 12;
/** Generous, but bounded so a pasted document is refused rather than hashed. */
export const MAX_PASSPHRASE_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;

export type PassphraseProblemCode = 'too_short' | 'too_long' | 'only_digits' | 'too_repetitive' | 'edge_spaces';

/** One reason a new passphrase is refused, with the sentence to show. */
export interface PassphraseProblem {
  code: PassphraseProblemCode;
  message: string;
}

/**
 * The one form of a passphrase that is fed to the KDF: Unicode NFC, so "é" typed
 * as one code point on an iPad and as e + accent elsewhere derive the same key
 * (a backup made on one tablet must open on another).
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Why a passphrase chosen at setup (or when changing it) is not acceptable; empty when it is. */
export function passphraseProblems(passphrase: string): PassphraseProblem[] {
  const chars = Array.from(normalizePassphrase(passphrase));
  const problems: PassphraseProblem[] = [];
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    problems.push({
      code: 'too_short',
      message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters: a few words you will remember work well.`,
    });
  }
  if (chars.length > MAX_PASSPHRASE_LENGTH) {
    problems.push({ code: 'too_long', message: `Use at most ${MAX_PASSPHRASE_LENGTH} characters.` });
  }
  if (chars.length > 0 && chars.every((c) => c >= '0' && c <= '9')) {
    problems.push({ code: 'only_digits', message: 'Use words, not only digits: a number is much easier to guess.' });
  }
  if (chars.length > 0 && new Set(chars).size < MIN_DISTINCT_CHARACTERS) {
    problems.push({ code: 'too_repetitive', message: 'Use more different characters.' });
  }
  // A trailing space is invisible in a password field and easy to drop on another device.
  if (chars.length > 0 && (/^\s/.test(chars[0]!) || /\s$/.test(chars[chars.length - 1]!))) {
    problems.push({ code: 'edge_spaces', message: 'Do not start or end with a space.' });
  }
  return problems;
}

/** What to tell the advisor about a new passphrase typed twice (setup, change); empty when it can be used. */
export function newPassphraseMessages(passphrase: string, repeat: string): string[] {
  const messages = passphraseProblems(passphrase).map((p) => p.message);
  if (messages.length === 0 && passphrase !== repeat) messages.push('The two passphrases are not the same.');
  return messages;
}
