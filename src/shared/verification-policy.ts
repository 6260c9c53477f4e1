/**
 * When a sheet must be verified by a second keyer before it is confirmed
 * (design section 13): the center's setting, the batch's "verify" switch, and
 * the rule both the tablet's confirm gate and the server's push apply.
 *
 * The center chooses one of three:
 * - `off`: a batch is verified only when the advisor turns its switch on;
 * - `default`: new batches start with the switch on, the advisor may turn it off;
 * - `required`: every batch verifies, and the server refuses a sheet confirmed
 *   without a second keying from the moment the center required it.
 */
import { z } from 'zod/mini';
import { canonicalKeying } from './verification';
import { addableVerifiedFieldSchema, ADDABLE_VERIFIED_FIELDS, verifiedFieldsOf } from './verification-record';
import type { VerifiedValues } from './verify-sheet';

export const VERIFICATION_POLICIES = ['off', 'default', 'required'] as const;
export const verificationPolicySchema = z.enum(VERIFICATION_POLICIES);
export type VerificationPolicy = z.infer<typeof verificationPolicySchema>;

/** The center's setting as the tablet pulls it and the admin screen changes it. */
export const centerVerificationSchema = z.object({
  policy: verificationPolicySchema,
  /** When the center last set `required` (ISO); null otherwise. Sheets confirmed before it stay typed once. */
  requiredSince: z.nullable(z.iso.datetime()),
  /** Fields the center verifies besides the required four; a server from before sends none. */
  fields: z._default(z.array(addableVerifiedFieldSchema).check(z.maxLength(ADDABLE_VERIFIED_FIELDS.length)), []),
});
export type CenterVerification = z.infer<typeof centerVerificationSchema>;

/** A center that never chose: verification is there for a batch that asks for it. */
export const NO_VERIFICATION_POLICY: CenterVerification = { policy: 'off', requiredSince: null, fields: [] };

/** What the new batch form's switch starts as. */
export function verifiesByDefault(policy: VerificationPolicy): boolean {
  return policy !== 'off';
}

/** Whether the advisor may turn a batch's switch off: never where the center requires verification. */
export function mayTurnOffVerify(policy: VerificationPolicy): boolean {
  return policy !== 'required';
}

/** Whether a batch verifies: its own switch, or the center's requirement over it (a batch from before included). */
export function batchVerifies(policy: VerificationPolicy, batchSwitch: boolean | undefined): boolean {
  return policy === 'required' || batchSwitch === true;
}

/** What the tablet knows of a sheet when it is about to be confirmed. */
export interface SheetAtConfirm {
  /** Its batch verifies (batchVerifies). */
  verifies: boolean;
  /** It carries a finished verification of its values. */
  verified: boolean;
  /** The server holds an earlier version: an edit of a field that was not re-keyed needs no second keyer. */
  knownToServer: boolean;
  /** The server refused its last version for want of a second keying (verification_required). */
  serverAsked: boolean;
}

/**
 * The tablet's confirm gate, in order:
 * 1. A verified sheet may be confirmed.
 * 2. A sheet the server refused for want of a second keying needs one.
 * 3. A new sheet of a batch that verifies needs one.
 * 4. Anything else follows today's rules. An edit of a sheet the server holds
 *    goes out as it is: the server alone knows whether it changed a field
 *    that must be re-keyed (rule 2 brings it back when it did).
 */
export function needsSecondKeying(sheet: SheetAtConfirm): boolean {
  if (sheet.verified) return false;
  if (sheet.serverAsked) return true;
  return sheet.verifies && !sheet.knownToServer;
}

/**
 * Whether a sheet the gate holds back may go to the server typed once, for a
 * second keyer on another tablet to verify after it syncs: any sheet that lacks
 * only its second keying. A sheet in "Needs a second look" was keyed twice
 * here already; a person settles it here.
 */
export function maySendToVerifyElsewhere(sheet: SheetAtConfirm, inSecondLook: boolean): boolean {
  return needsSecondKeying(sheet) && !inSecondLook;
}

/** What the server knows of a version when the push reaches it. */
export interface VersionAtPush {
  center: CenterVerification;
  /** When the tablet confirmed this version (ISO). */
  confirmedAt: string;
  verified: boolean;
  /** It was sent typed once for a second keyer on another tablet (its batch verifies). */
  sentToVerify: boolean;
  values: VerifiedValues;
  /** The verified fields as the server holds them for this record, when it holds it. */
  stored: VerifiedValues | undefined;
}

/**
 * The server's rule: a version must carry a verification when, and only when,
 * 1. the center requires verification,
 * 2. the version was confirmed after it came to (a sheet confirmed offline
 *    before stays valid, typed once, like every record from before), and
 * 3. it keys a verified field anew: a new record, or an edit that changes one
 *    of the verified fields the server holds (an edit of the grade does not).
 *    The verified fields are the required four and those the center adds: the
 *    tablet drops a verification at any edit of a field it vouched for
 *    (stillVouches), so the server asks again where the tablet would have,
 *    and a field the center verifies is never changed typed once. The center's
 *    fields as they stand now, not a batch's: the server knows no batch, and a
 *    field the center has come to verify is keyed anew when it changes,
 * 4. and it was not sent for a second keyer on another tablet: that version is
 *    held as waiting for one, and the second keyer's version carries it,
 *    covering the fields the batch sent it with (decide.ts rule 2a: the
 *    batch's, fixed when it started, since those are what its keyers type).
 */
export function mustCarryVerification(version: VersionAtPush): boolean {
  const { center } = version;
  if (version.verified || version.sentToVerify || center.policy !== 'required' || center.requiredSince === null) return false;
  if (Date.parse(version.confirmedAt) < Date.parse(center.requiredSince)) return false;
  const { stored } = version;
  if (stored === undefined) return true;
  return verifiedFieldsOf(center.fields).some((field) => canonicalKeying(field, version.values[field] ?? '') !== canonicalKeying(field, stored[field] ?? ''));
}
