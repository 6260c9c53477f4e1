/**
 * The rows the app stores, as zod schemas with their types inferred from them:
 * the one declaration of each row's shape. They parse rows that come back from
 * outside the running code (decrypted blobs, backup files, rows written by an
 * older version). They live at the bottom of the app, beside the sealing that
 * reads them, so that db/ and crypto/ both build on them without a cycle.
 */
import { z } from 'zod/mini';
import { applicationFieldsSchema, programYearSchema } from '../../shared/application';
import { STATUSES } from '../../shared/lifecycle';
import { anyMutationSchema, refusalReasonSchema, rosterEntrySchema, sheetToVerifySchema } from '../../shared/protocol';
import { addableVerifiedFieldSchema, addedVerifiedFieldsSchema, verificationSchema, VERIFIABLE_FIELDS } from '../../shared/verification-record';
import { verifiedValuesSchema } from '../../shared/verify-sheet';

const count = z.int().check(z.nonnegative());
const timestamp = z.int().check(z.nonnegative());

/** Why the server refused a version, kept on the record until the advisor fixes it. */
export const serverReasonSchema = refusalReasonSchema;
export type ServerReason = z.infer<typeof serverReasonSchema>;

/** One field of a sheet in "Needs a second look". */
const secondLookLineSchema = z.object({ field: z.enum(VERIFIABLE_FIELDS), values: z.readonly(z.tuple([z.string(), z.string(), z.string()])) });
export type SecondLookLine = z.infer<typeof secondLookLineSchema>;

/**
 * What a sheet in "Needs a second look" holds back until a person reads the
 * paper for it: the second keyer's keyings, the paper's third, and who made
 * them, from which the look finishes the verification (shared/verify-sheet.ts).
 * Never shown: the screen sees only the lines' sorted values.
 */
const heldKeyingsSchema = z.object({
  second: verifiedValuesSchema,
  third: z.partial(verifiedValuesSchema),
  keyers: z.object({ enteredBy: z.string(), verifiedBy: z.string(), signedInAs: z.string() }),
  at: z.iso.datetime(),
});
export type HeldKeyings = z.infer<typeof heldKeyingsSchema>;

/** One application as the tablet holds it (decrypted). */
export const localApplicationSchema = z.object({
  /** UUIDv7 made on this device. */
  id: z.string().check(z.minLength(1)),
  /** The student it is for: a new student's id is made here, a known one comes from the roster. */
  studentId: z.string().check(z.minLength(1)),
  batchId: z.nullable(z.string()),
  status: z.enum(STATUSES),
  /** Local edit counter: every saved change of a confirmed record makes a new version. */
  version: z.int().check(z.positive()),
  /** The server's version of this record, once it has acknowledged one. */
  serverVersion: z.nullable(count),
  /** Copied out of `fields` because it is indexed (fields may be encrypted). */
  schoolId: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** When the advisor last confirmed it against the paper (ms). */
  confirmedAt: z.nullable(timestamp),
  fields: applicationFieldsSchema,
  /** The blind second keying of the SSID; saved so a reload keeps it. */
  ssidRekey: z.string(),
  /** The advisor ticked "The paper shows this number" past a warning such as "same as the School Student ID". */
  ssidChecked: z.optional(z.boolean()),
  /** The last refusal or conflict from the server, shown until resolved. */
  serverReason: z.nullable(serverReasonSchema),
  /** Advisor chose to send an SSID conflict to center review. */
  sendToReview: z.boolean(),
  /** Sent typed once for a second keyer on another tablet: its batch, place in the stack and the fields the batch added to the four (plain: no pupil data). */
  verifyElsewhere: z.optional(z.object({
    batchId: z.string().check(z.minLength(1)), sheet: z.int().check(z.positive()), fields: z.optional(addedVerifiedFieldsSchema),
  })),
  /** A second keyer's finished verification of these values; it goes with the next confirmed version. */
  verification: z.optional(verificationSchema),
  /** A second keying the paper could not settle: per field, the three values sorted (never which keyer typed which). */
  secondLook: z.optional(z.array(secondLookLineSchema)),
  /** The keyings a look at the paper needs to finish the verification; absent on a second look from before, which is keyed again. */
  heldKeyings: z.optional(heldKeyingsSchema),
});
/** One paper application as the tablet holds it. */
export type LocalApplication = z.infer<typeof localApplicationSchema>;

/**
 * One outbox row (decrypted): a confirmed version waiting for the server, deleted
 * only once acknowledged. Its mutation must agree with the row's own columns.
 */
export const outboxRowSchema = z.object({
    mutationId: z.int().check(z.positive()),
    recordId: z.string().check(z.minLength(1)),
    version: z.int().check(z.positive()),
    mutation: anyMutationSchema,
    createdAt: timestamp,
    attempts: count,
  }).check(z.refine(
    (row) =>
      row.mutation.mutationId === row.mutationId &&
      row.mutation.recordId === row.recordId &&
      row.mutation.version === row.version,
    'The outbox row and its mutation disagree.',
  ));
export type OutboxRow = z.infer<typeof outboxRowSchema>;

const localBatchShape = z.object({
  id: z.string().check(z.minLength(1)),
  schoolId: z.string(),
  programYear: programYearSchema,
  /** How many sheets are in the stack, so the app can say "23 of 25 entered". */
  sheetCount: z.int().check(z.positive()),
  /** Values that carry from form to form (grade, school, date received...). */
  defaults: z.partial(applicationFieldsSchema),
  /** A second keyer verifies its sheets before they are confirmed; absent on a batch from before: no (unless the center requires it). */
  verify: z.optional(z.boolean()),
  /** The fields its second keyer types besides the required four, as the center set them when it started; absent on a batch from before: none. */
  addedVerifiedFields: z.optional(z.array(addableVerifiedFieldSchema)),
  /** Typed on another tablet: its sheets were pulled for this tablet's second keyer (absent: typed here). */
  typedElsewhere: z.optional(z.boolean()),
  createdAt: timestamp,
});
/** One stack of paper. */
export type LocalBatch = z.infer<typeof localBatchShape>;
/** One batch (stored plain: it holds no pupil data); loose, so a column added later is never dropped by a read. */
export const localBatchSchema = z.looseObject(localBatchShape.shape);

/**
 * A rostered student as pulled, plus what this tablet knows that the server
 * does not yet: an SSID update queued for them, or the server's refusal of one.
 * A plain roster row written before encryption at rest has this shape too.
 */
export const localRosterEntrySchema = z.extend(rosterEntrySchema, {
  /** Last four digits of an SSID update queued for this student and not yet answered. */
  pendingSsidLast4: z.optional(z.string()),
  /** When that update was queued (ms). */
  pendingSince: z.optional(z.number()),
  /** Why the server refused the last SSID update (e.g. `ssid_differs`), until another is queued. */
  ssidUpdateProblem: z.optional(serverReasonSchema),
});
export type LocalRosterEntry = z.infer<typeof localRosterEntrySchema>;

/**
 * A sheet another tablet typed, pulled for this tablet's second keyer
 * (shared/verify-elsewhere.ts): kept apart from the tablet's own records, so no
 * list, search, backup or unsent count ever shows its first entry; it becomes a
 * record of this tablet only once keyed here and verified.
 */
export const localSheetToVerifySchema = z.extend(sheetToVerifySchema, {
  batchId: z.string().check(z.minLength(1)),
  /** The second keying the paper could not settle here, as for a record of this tablet. */
  secondLook: z.optional(z.array(secondLookLineSchema)),
  /** The keyings a look at the paper needs to finish it; absent on a second look from before, which is keyed again. */
  heldKeyings: z.optional(heldKeyingsSchema),
});
export type LocalSheetToVerify = z.infer<typeof localSheetToVerifySchema>;
