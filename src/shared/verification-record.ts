/**
 * What a verification is, as it is stored on the tablet, travels in the push
 * and is kept with the record on the server (design section 13): per verified
 * field the first, second and (when they differed) third keying, who made the
 * last one and when; who entered the sheet, who verified it, and the account
 * signed in on the tablet while they did, so the audit says what was checked.
 *
 * It travels inside the application's own mutation, not as a mutation kind of
 * its own: a verification vouches for the values of one confirmed version, so
 * it must arrive with exactly that version (idempotent with it, never applied
 * to a later edit it did not check), and a later version that carries none
 * says honestly that its values were typed once.
 *
 * Only a finished verification travels: every field agreed or settled from the
 * paper. A sheet whose third keying agreed with neither stays on the tablet in
 * "Needs a second look" until a person reads the paper for it; that look
 * travels with the field it settled. A verification from before second looks
 * (none on any field) stays valid as it is.
 */
import { z } from 'zod/mini';
import type { ConfirmedApplication } from './application';
import { canonicalKeying, settleField } from './verification';

/** The fields a second keyer always types again from the paper: the SSID and who the student is. */
export const REQUIRED_VERIFIED_FIELDS = ['ssid', 'firstName', 'lastName', 'dateOfBirth'] as const;
/**
 * Fields of the paper a center may add to those (issue 10): ones written by
 * hand, keyed as typed, that the center uses to reach or identify the student.
 * Not the choices (grade, school: picked from a list, not read digit by digit)
 * nor the dates the office fills in.
 */
export const ADDABLE_VERIFIED_FIELDS = ['middleName', 'schoolStudentId', 'phone', 'guardianName', 'guardianPhone'] as const;
export const VERIFIABLE_FIELDS = [...REQUIRED_VERIFIED_FIELDS, ...ADDABLE_VERIFIED_FIELDS] as const;
export type RequiredVerifiedField = (typeof REQUIRED_VERIFIED_FIELDS)[number];
export type AddableVerifiedField = (typeof ADDABLE_VERIFIED_FIELDS)[number];
export type VerifiedField = (typeof VERIFIABLE_FIELDS)[number];
export const addableVerifiedFieldSchema = z.enum(ADDABLE_VERIFIED_FIELDS);
/** The fields a center or a batch adds to the four, as they travel: each of them at most once. */
export const addedVerifiedFieldsSchema = z.array(addableVerifiedFieldSchema).check(
  z.maxLength(ADDABLE_VERIFIED_FIELDS.length),
  z.refine((fields) => new Set(fields).size === fields.length, 'Each added field once.'),
);

/**
 * The fields a sheet's second keyer types: always the required four, then the
 * center's additions in the paper's order, each once; never fewer.
 */
export function verifiedFieldsOf(additions: readonly AddableVerifiedField[]): VerifiedField[] {
  return [...REQUIRED_VERIFIED_FIELDS, ...ADDABLE_VERIFIED_FIELDS.filter((field) => additions.includes(field))];
}

/** The added fields a stored list names, in the paper's order, each once; whatever else it holds (or is) is left out. */
export function addedFieldsIn(stored: unknown): AddableVerifiedField[] {
  return ADDABLE_VERIFIED_FIELDS.filter((field) => Array.isArray(stored) && stored.includes(field));
}

/** A user id as the server made it (a UUIDv7); never a name, which the server looks up itself. */
const userId = z.string().check(z.minLength(1), z.maxLength(64));
/** One keying as typed, before canonicalKeying; as long as the longest verified field allows, with room for spaces. */
const keying = z.string().check(z.maxLength(120));

/** The keyings of one verified field. */
export const fieldVerificationSchema = z.object({
  field: z.enum(VERIFIABLE_FIELDS),
  first: keying,
  second: keying,
  /** The paper keyed a third time, blind: present only where the first two differed. */
  third: z.optional(keying),
  /** The value that stands (canonical): the agreed one, or the one the paper settled. */
  value: keying,
  /** Who made the blind keyings of this field: the verifier, never the first keyer. */
  by: userId,
  at: z.iso.datetime(),
  /** Where the third keying agreed with neither: a person's reading of the paper (verification.ts rule 5), who and when. */
  secondLook: z.optional(z.object({
    /** As the paper reads; blank for an SSID the paper does not give for sure. */
    reading: keying,
    /** The reading typed again, where it agreed with none of the three keyings. */
    again: z.optional(keying),
    by: userId,
    at: z.iso.datetime(),
  })),
});
export type FieldVerification = z.infer<typeof fieldVerificationSchema>;

/** A sheet's finished verification. */
export const verificationSchema = z.object({
  /** The advisor who typed the sheet first. */
  enteredBy: userId,
  /** The advisor who typed the verified fields again: they picked themselves on the tablet. */
  verifiedBy: userId,
  /** The account signed in on the tablet during the second keying (it may be neither keyer). */
  signedInAs: userId,
  verifiedAt: z.iso.datetime(),
  /** The required four and whatever the center added when the batch started; a record from before carries the four. */
  fields: z.array(fieldVerificationSchema).check(z.minLength(REQUIRED_VERIFIED_FIELDS.length), z.maxLength(VERIFIABLE_FIELDS.length)),
});
export type Verification = z.infer<typeof verificationSchema>;

/** One reason a verification cannot be taken as it is. */
export interface VerificationProblem {
  field: string;
  message: string;
}

/**
 * Why `verification` does not vouch for `application`, empty when it does:
 * 1. Two different people keyed the sheet, and the first keyer settled nothing.
 * 2. Every required field appears once, and so does each field in `sentWith`
 *    (those a sheet sent to another tablet waits to have verified besides the
 *    four); any other field the center added at most once.
 * 3. Each field's keyings, run through settleField, agree or are settled (or
 *    resolved by a look at the paper), a third keying is there only where the
 *    first two differed, a look only where the third agreed with neither, and
 *    the value that stands is the one they give.
 * 4. The application carries that value: a verification of other values is no
 *    verification of these.
 */
export function verificationProblems(
  application: ConfirmedApplication, verification: Verification, sentWith: readonly AddableVerifiedField[] = [],
): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  const mustHave: readonly VerifiedField[] = verifiedFieldsOf(sentWith);
  if (verification.enteredBy === verification.verifiedBy) {
    problems.push({ field: 'verifiedBy', message: 'The same person may not key both entries of a sheet.' });
  }
  for (const name of VERIFIABLE_FIELDS) {
    const entries = verification.fields.filter((f) => f.field === name);
    if (entries.length === 0 && !mustHave.includes(name)) continue;
    if (entries.length !== 1) {
      problems.push({ field: name, message: 'Each verified field is keyed once by each keyer.' });
      continue;
    }
    const problem = fieldProblem(application, verification, entries[0]!);
    if (problem) problems.push({ field: name, message: problem });
  }
  return problems;
}

function fieldProblem(application: ConfirmedApplication, verification: Verification, entry: FieldVerification): string | undefined {
  if (entry.by === verification.enteredBy || entry.secondLook?.by === verification.enteredBy) return 'The first keyer may not settle their own entry.';
  const verdict = settleField(entry.field, entry.first, entry.second, entry.third, entry.secondLook);
  if (verdict.state === 'agreed' && entry.third !== undefined) return 'A third keying is made only where the first two differ.';
  if (entry.secondLook && verdict.state !== 'resolved' && verdict.state !== 'second_look') return 'A second look is taken only where the third keying agreed with neither.';
  if (verdict.state !== 'agreed' && verdict.state !== 'settled' && verdict.state !== 'resolved') return 'The keyings of this field were not settled from the paper.';
  if (verdict.value !== entry.value) return 'The value that stands is not the one the keyings give.';
  if (canonicalKeying(entry.field, application[entry.field]) !== verdict.value) return 'The record does not carry the verified value.';
  return undefined;
}

/** What the batch and the server count: fields the two keyers typed differently, and whether the SSID was one. */
export function disagreements(verification: Verification): { fields: number; ssid: boolean } {
  const differed = verification.fields.filter((f) => f.third !== undefined);
  return { fields: differed.length, ssid: differed.some((f) => f.field === 'ssid') };
}
