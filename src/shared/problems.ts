/**
 * One catalogue of the problems the API can answer with, with stable codes.
 * The server turns a problem into an HTTP answer in one place; the app turns the
 * code into a sentence for the advisor. Codes never change meaning.
 */
export const PROBLEMS = {
  badRequest: { code: 400.1, status: 400, message: 'The request was not understood.' },
  invalidBody: { code: 400.2, status: 400, message: 'Some fields are not valid.' },
  unauthenticated: { code: 401.1, status: 401, message: 'Sign in again: your session has ended.' },
  badCredentials: { code: 401.2, status: 401, message: 'That email and password do not match.' },
  deviceRevoked: { code: 401.3, status: 401, message: 'Your center administrator signed this tablet out. The records on it are kept: sign in again to send them.' },
  forbidden: { code: 403.1, status: 403, message: 'You do not have access to this.' },
  passwordChangeRequired: { code: 403.2, status: 403, message: 'Choose your own password first: the one you were given works only once.' },
  notFound: { code: 404.1, status: 404, message: 'Not found.' },
  conflict: { code: 409.1, status: 409, message: 'The record changed on the server.' },
  ssidTaken: { code: 409.2, status: 409, message: 'This CA SSID belongs to another student.' },
  ssidDiffers: { code: 409.3, status: 409, message: 'The student already has a different CA SSID. Decide which is right on the student record first.' },
  enrollmentNotPending: { code: 409.4, status: 409, message: 'This enrollment is not waiting for approval: it is in SSID review.' },
  sameStudentProbable: {
    code: 409.5,
    status: 409,
    message: 'The center already has a student with this CA SSID, but the name or date of birth is written a little differently. Check the paper: if it is the same student, choose “Same student”; if not, correct what was typed.',
  },
  alreadyEnrolled: {
    code: 409.6,
    status: 409,
    message: 'This student already has an enrollment for this program year from another paper application. A student has one enrollment per year: check the program year on the paper, or ask your center to update the enrollment it has.',
  },
  lastAdmin: { code: 409.7, status: 409, message: 'This is the center’s last active administrator. Add another administrator first.' },
  alreadyExists: { code: 409.8, status: 409, message: 'That already exists: emails and CDS codes are used once.' },
  setupDone: { code: 409.9, status: 409, message: 'This server is already set up. Sign in instead.' },
  pushOutOfOrder: { code: 409.11, status: 409, message: 'The push this one follows has not reached the server: send it again after that one.' },
  tooLarge: { code: 413.1, status: 413, message: 'The request is too large.' },
  unsupportedEncoding: { code: 415.1, status: 415, message: 'Unsupported content encoding.' },
  ssidRequired: { code: 422.1, status: 422, message: 'This program year requires the student’s CA SSID before approval. Enter the 10-digit CA SSID to approve.' },
  tooManyRequests: { code: 429.1, status: 429, message: 'Too many attempts. Wait a moment and try again.' },
  badSetupCode: { code: 400.4, status: 400, message: 'That setup code is not right. Use the code the server printed when it started.' },
  reEnrollFailed: { code: 400.3, status: 400, message: 'We could not match those details. Check them and try again, or ask your MESA advisor.' },
  internal: { code: 500.1, status: 500, message: 'Something went wrong on the server.' },
} as const;

export type ProblemName = keyof typeof PROBLEMS;

/**
 * Why the server refused one mutation of a push, answered per record (a push
 * answers 200 with a result per mutation, not an HTTP problem): stable string
 * codes, each with the sentence the advisor sees. A refusal that says more
 * (which school, which SSID) builds its message from the situation; the code is
 * always one of these. The tablet keeps a code it does not know as it is, so
 * a newer server can add one.
 */
export const REFUSALS = {
  /** The mutation failed its schema (fields name what). */
  invalid: 'Some fields are not valid.',
  /** The database refused to store the record (e.g. a value too long for a column). */
  unstorable: 'The server could not store this record. Check its fields and send it again.',
  /** The record or student belongs to another center. */
  forbidden: 'This record belongs to another center.',
  unknown_school: 'The school is not one of your center’s schools.',
  unknown_student: 'This student is not one of your center’s students.',
  student_removed: 'The center removed this student. Ask your center before sending it again.',
  /** Too many SSIDs matched other centers' students in the last hour. */
  too_many_ssid_checks: 'Too many CA SSIDs matched students of other centers in the last hour. Send this record again later.',
  /** A second keyer's verification that does not fit the values or the center (fields name what). */
  verification_invalid: 'The second keying of this sheet cannot be taken as it is: verify it again.',
  /** The center requires a second keyer, and this version keys a verified field without one. */
  verification_required: 'Your center requires a second keyer for this sheet: verify it, then confirm it again.',
  stale_version: 'Someone else changed this record on the server since you last synced.',
  ssid_taken: PROBLEMS.ssidTaken.message,
  ssid_differs: PROBLEMS.ssidDiffers.message,
  same_student_probable: PROBLEMS.sameStudentProbable.message,
  already_enrolled: PROBLEMS.alreadyEnrolled.message,
} as const;

/** A refusal code from the catalogue. */
export type RefusalCode = keyof typeof REFUSALS;

/** The JSON body of every error answer. */
export interface ProblemBody {
  code: number;
  message: string;
  /** Field-level reasons, for invalid bodies. */
  details?: { field: string; message: string }[];
}

/** Finds the catalogue entry for a code that came back over the wire. */
export function problemByCode(code: number): (typeof PROBLEMS)[ProblemName] | undefined {
  return Object.values(PROBLEMS).find((p) => p.code === code);
}
