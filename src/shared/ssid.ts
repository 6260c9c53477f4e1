/**
 * CA SSID rules (design section 3). Pure: used by the entry form, the server's
 * push validation and the school-return import alike.
 *
 * There is no public check-digit algorithm for the CA SSID, so none is invented
 * here: we can only catch the copying errors that show in the shape of the number.
 */

/** One finding about a value, written for an advisor. */
export interface Issue {
  code: string;
  message: string;
}

/** What else is known when checking an SSID. */
export interface SsidContext {
  /** The School Student ID typed on the same form (students confuse the two). */
  localId?: string;
  /** Who else already holds this SSID (another local record or a rostered student), if anyone. */
  takenBy?: string | null;
}

/** Result of checking one typed SSID. */
export interface SsidCheck {
  /** The normalized 10-digit SSID, or null when there is any error. */
  value: string | null;
  errors: Issue[];
  warnings: Issue[];
  /** Harmless changes made to the input, said so the advisor is not surprised. */
  notes: Issue[];
}

export const SSID_LENGTH = 10;

/** Spaces and dashes are how people group digits on paper; nothing else is stripped. */
const SEPARATORS = /[\s\-‐-―]/g;

const PLACEHOLDERS = new Set(['0123456789', '1234567890', '9876543210', '0987654321']);

/** Strips the separators people write between groups of digits. */
export function normalizeSsid(input: string): string {
  return input.replace(SEPARATORS, '');
}

function countWord(n: number): string {
  return n === 1 ? 'one' : String(n);
}

function lengthError(length: number): Issue | null {
  if (length === SSID_LENGTH) return null;
  if (length < SSID_LENGTH) {
    const missing = SSID_LENGTH - length;
    return {
      code: 'ssid_too_short',
      message: `${length} digit${length === 1 ? '' : 's'}: ${countWord(missing)} ${missing === 1 ? 'is' : 'are'} missing. A CA SSID has 10.`,
    };
  }
  const extra = length - SSID_LENGTH;
  return {
    code: 'ssid_too_long',
    message: `${length} digits: ${countWord(extra)} too many. A CA SSID has 10.`,
  };
}

/** True for numbers that are obviously filler: one digit repeated, or a run like 0123456789. */
export function isPlaceholderSsid(digits: string): boolean {
  return /^(\d)\1*$/.test(digits) || PLACEHOLDERS.has(digits);
}

/** Checks one typed CA SSID and says, in an advisor's words, what is wrong with it. */
export function checkSsid(input: string, context: SsidContext = {}): SsidCheck {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const notes: Issue[] = [];
  const trimmed = input.trim();
  const compact = normalizeSsid(trimmed);

  if (compact === '') {
    errors.push({ code: 'ssid_empty', message: 'Enter the 10-digit CA SSID.' });
    return { value: null, errors, warnings, notes };
  }
  if (compact !== trimmed) {
    notes.push({ code: 'ssid_normalized', message: 'Spaces and dashes were removed.' });
  }

  if (/[a-z]/i.test(compact)) {
    errors.push({
      code: 'ssid_has_letter',
      message: 'Contains a letter: this looks like a School Student ID. A CA SSID is 10 digits only.',
    });
  } else if (/\D/.test(compact)) {
    const odd = compact.match(/\D/)?.[0] ?? '';
    errors.push({
      code: 'ssid_bad_character',
      message: `Contains “${odd}”: a CA SSID is digits only.`,
    });
  } else {
    const tooShortOrLong = lengthError(compact.length);
    if (tooShortOrLong) errors.push(tooShortOrLong);
  }

  const localId = context.localId ? normalizeSsid(context.localId.trim()) : '';
  if (localId !== '' && localId.toLowerCase() === compact.toLowerCase()) {
    warnings.push({
      code: 'ssid_equals_local_id',
      message: 'Same as the School Student ID: check that this is the CA SSID and not the school’s own number.',
    });
  }

  if (errors.length > 0) return { value: null, errors, warnings, notes };

  if (isPlaceholderSsid(compact)) {
    warnings.push({
      code: 'ssid_placeholder',
      message: 'This looks like a placeholder, not a real CA SSID. Leave it blank if the student does not know it.',
    });
  }
  if (context.takenBy) {
    warnings.push({
      code: 'ssid_taken',
      message: `Already used by ${context.takenBy}. Check the paper: one of the two is wrong.`,
    });
  }
  return { value: compact, errors, warnings, notes };
}

/** Last four digits for lists; SSIDs are shown whole only on the record itself. */
export function maskSsid(ssid: string): string {
  return ssid.length <= 4 ? ssid : `••••••${ssid.slice(-4)}`;
}
