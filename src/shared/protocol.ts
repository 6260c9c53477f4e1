/**
 * The wire contract between tablet and server (design section 7), as zod schemas
 * that both sides parse with. Types are inferred from them.
 */
import { z } from 'zod/mini';
import { confirmedApplicationSchema, isoDateSchema, ssidSourceSchema } from './application';
import { UUID_PATTERN } from './ids';
import { normalizeSsid } from './ssid';
import { addedVerifiedFieldsSchema, verificationSchema, VERIFIABLE_FIELDS } from './verification-record';
import { centerVerificationSchema, NO_VERIFICATION_POLICY } from './verification-policy';
import { REFUSALS, type RefusalCode } from './problems';
import { columnBatchSchema } from './column-batch';

const uuid = z.string().check(z.regex(UUID_PATTERN, 'Not a valid id.'));
/** A whole CA SSID as it travels: exactly 10 digits, already normalized. */
const ssidDigits = z.string().check(z.regex(/^\d{10}$/, 'A CA SSID is exactly 10 digits.'));
/** A CA SSID as a person typed it: spaces and dashes are stripped, then it must be 10 digits. */
const typedSsid = z.pipe(z.pipe(z.string().check(z.maxLength(32)), z.transform(normalizeSsid)), ssidDigits);
/** The last four digits of an SSID: all that lists and histories show. */
const last4 = z.string().check(z.regex(/^\d{4}$/));
/**
 * The largest version both databases store: PostgreSQL's integer is 32 bits, and
 * a bigger number made the whole push fail there while SQLite took it.
 */
export const MAX_STORED_VERSION = 2_147_483_647;
/** A record version as it travels: positive, and storable on both databases. */
const versionNumber = z.int().check(z.positive(), z.maximum(MAX_STORED_VERSION));
/**
 * How far ahead of the device's last applied mutation id a push may reach. The
 * tablet numbers its outbox one by one, so a real queue never jumps; a far
 * jump would let every later mutation be skipped as an old one.
 */
export const MAX_MUTATION_ID_LEAD = 10_000;
/** Most sheets one answer of the verify queue carries, and the highest place a sheet has in its stack. */
export const MAX_SHEETS_TO_VERIFY = 1000;

/** The name an advisor gives a tablet ("Blue cart 3"), shown to the center's administrators. */
export const deviceNameSchema = z.string().check(z.trim(), z.maxLength(120));

/** Sign-in. */
export const sessionRequestSchema = z.object({
  email: z.string().check(z.trim(), z.toLowerCase(), z.email(), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  deviceId: uuid,
  deviceName: z.optional(deviceNameSchema),
  /** The tablet holds no record and no queued change: its storage may have been cleared (shared/unsent-reports.ts). */
  emptyStore: z.optional(z.boolean()),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const ROLES = ['advisor', 'center_admin', 'state_admin'] as const;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  centerId: z.string(),
  /** Signed in with a one-time password: the app asks for a new one before anything else. */
  mustChangePassword: z.optional(z.boolean()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Another device of the signing-in user that last reported unsent records that have not arrived. */
export const unsentElsewhereSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  unsent: z.int().check(z.positive()),
  reportedAt: z.string(),
});
export type UnsentElsewhere = z.infer<typeof unsentElsewhereSchema>;

export const sessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
  /** Given when the sign-in said the store was empty: the user's other devices with records that have not arrived. */
  unsentElsewhere: z.optional(z.array(unsentElsewhereSchema)),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/**
 * One confirmed version of one application, as the outbox sends it. `kind` is
 * absent on rows queued before SSID updates existed; absent means 'application'.
 */
export const mutationSchema = z.object({
  kind: z.optional(z.literal('application')),
  /** Increases by one per device; the server remembers the last one it applied. */
  mutationId: z.int().check(z.positive()),
  recordId: uuid,
  /** The student this application is for; a new student's id is made on the tablet. */
  studentId: uuid,
  /** The tablet's own version counter for this record. */
  version: versionNumber,
  /** The server version the tablet last saw; null for a record the server has never seen. */
  baseServerVersion: z.nullable(z.int().check(z.nonnegative(), z.maximum(MAX_STORED_VERSION))),
  application: confirmedApplicationSchema,
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  confirmedAt: z.iso.datetime(),
  /** Set when the advisor sends an SSID conflict to center review instead of correcting it. */
  sendToReview: z.optional(z.boolean()),
  /** Set when the advisor says a paper is for the student the center has under its SSID, whose name or birth date differs a little. */
  sameStudent: z.optional(z.boolean()),
  /** The second keyer's verification of this version (verification-record.ts); absent: typed once. */
  verification: z.optional(verificationSchema),
  /**
   * Typed once in a batch that verifies, and sent for a second keyer on another
   * tablet (src/server/sync/verify-queue.ts): the batch it came in, its place in
   * the stack, and the fields the batch added to the verified four when it
   * started, which the second keyer types too (absent, as from a tablet before
   * them: none).
   */
  verifyElsewhere: z.optional(z.object({
    batchId: uuid, sheet: z.int().check(z.positive(), z.maximum(MAX_SHEETS_TO_VERIFY)), fields: z.optional(addedVerifiedFieldsSchema),
  })),
});
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * An SSID to set on a known student (from a school's return, the student's form
 * or the student online). Each update is a record of its own (a new UUIDv7 per
 * update, with a single version), so a retried push never applies it twice.
 */
export const ssidUpdateMutationSchema = z.object({
  kind: z.literal('ssid_update'),
  mutationId: z.int().check(z.positive()),
  recordId: uuid,
  studentId: uuid,
  /** Always 1: an SSID update is never edited, a new one is queued instead. */
  version: z.literal(1),
  ssid: ssidDigits,
  source: ssidSourceSchema,
  confirmedAt: z.iso.datetime(),
  /**
   * Last four digits of the SSID the student has now, when the advisor decided
   * this one replaces it. Without it a student's different SSID is never overwritten.
   */
  replaces: z.optional(last4),
});
export type SsidUpdateMutation = z.infer<typeof ssidUpdateMutationSchema>;

/**
 * The kinds of mutation the outbox carries: one entry each, keyed by the name
 * its `kind` says on the wire, with its wire schema and the refusal codes the
 * server may answer it with. The wire union is built from this table; the
 * tablet (src/app/db/kinds) and the server (src/server/sync/kinds.ts) each keep
 * a handler per entry, in a record typed so that a kind without one does not compile.
 */
export const MUTATION_KINDS = {
  application: {
    schema: mutationSchema,
    refusals: [
      'invalid', 'unstorable', 'forbidden', 'unknown_school', 'verification_required', 'verification_invalid', 'student_removed',
      'stale_version', 'ssid_taken', 'same_student_probable', 'already_enrolled', 'too_many_ssid_checks',
    ],
  },
  ssid_update: {
    schema: ssidUpdateMutationSchema,
    refusals: ['invalid', 'unstorable', 'unknown_student', 'student_removed', 'ssid_taken', 'ssid_differs', 'too_many_ssid_checks'],
  },
} as const satisfies Record<string, { schema: z.ZodMiniObject<{ kind: z.ZodMiniType<string | undefined> }>; refusals: readonly RefusalCode[] }>;

/** The name of a kind of mutation. */
export type MutationKind = keyof typeof MUTATION_KINDS;
/** A mutation of kind `K`. */
export type MutationOf<K extends MutationKind> = z.infer<(typeof MUTATION_KINDS)[K]['schema']>;
/** The refusal codes a mutation of kind `K` may be answered with. */
export type RefusalOf<K extends MutationKind> = (typeof MUTATION_KINDS)[K]['refusals'][number];
/** Every kind's name, in the table's order. */
export const MUTATION_KIND_NAMES = Object.keys(MUTATION_KINDS) as MutationKind[];

/** The kind a mutation without `kind` is: rows queued before SSID updates existed carry none. */
const UNNAMED_KIND = 'application' satisfies MutationKind;

/** The kind of `mutation` (or of a mutation body not yet given its id). */
export function kindOf(mutation: { kind?: MutationKind }): MutationKind {
  return mutation.kind ?? UNNAMED_KIND;
}

/** The kind an unparsed mutation says it is; one that names no known kind is read as the unnamed kind's. */
export function claimedKind(raw: unknown): MutationKind {
  const kind = typeof raw === 'object' && raw !== null && 'kind' in raw ? raw.kind : undefined;
  return typeof kind === 'string' && Object.hasOwn(MUTATION_KINDS, kind) ? (kind as MutationKind) : UNNAMED_KIND;
}

/** `make(kind)` for every kind: a table keyed by kind that TypeScript knows is whole. */
export function forEachKind<T>(make: (kind: MutationKind) => T): Record<MutationKind, T> {
  return Object.fromEntries(MUTATION_KIND_NAMES.map((kind) => [kind, make(kind)])) as Record<MutationKind, T>;
}

const kindSchemas = Object.values(MUTATION_KINDS).map((entry) => entry.schema);
type KindSchemas = [(typeof kindSchemas)[number], ...typeof kindSchemas];
/**
 * Anything the outbox may hold and push may carry: one of the table's kinds, told
 * apart by `kind`. A plain union, not zod's discriminated one: a row that fits no
 * kind keeps failing as one whole value (the tablet names it so when it sets it aside).
 */
export const anyMutationSchema = z.union(kindSchemas as KindSchemas);
export type AnyMutation = z.infer<typeof anyMutationSchema>;
/** A mutation before its id is taken: the tablet seals it so and keeps the id beside it. */
export const mutationBodySchema = z.union(
  kindSchemas.map((schema: z.ZodMiniObject) => z.omit(schema, { mutationId: true })) as unknown as [z.ZodMiniType<WithoutId<AnyMutation>>],
);
/** Removes `mutationId` from each kind of a union. */
type WithoutId<M> = M extends unknown ? Omit<M, 'mutationId'> : never;
export type MutationBody = z.infer<typeof mutationBodySchema>;

export const MAX_MUTATIONS_PER_PUSH = 500;

/**
 * A push may name `after`, the last mutation id of the push it follows, so a
 * tablet can send its next batch before the answer to the one before it comes:
 * the server applies it only once the device's ledger has reached `after`
 * (waiting up to PUSH_ORDER_WAIT_MS for the push before it, then answering
 * pushOutOfOrder), so no id is ever passed over as already applied. Without
 * `after` (a tablet of the previous version, or a first batch) a push is
 * applied as it comes, as before.
 */
export const pushRequestSchema = z.object({
  deviceId: uuid,
  after: z.optional(z.int().check(z.nonnegative())),
  /** The mutations as objects: what tablets of earlier versions send, still taken. */
  mutations: z.optional(z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_MUTATIONS_PER_PUSH))),
  /** The mutations as one column batch (column-batch.ts), each field's name once: what this version sends. */
  columns: z.optional(columnBatchSchema(MAX_MUTATIONS_PER_PUSH)),
}).check(z.refine((request) => (request.mutations === undefined) !== (request.columns === undefined), 'Send the mutations or their columns, one of the two.'));

/**
 * How long the server holds a push whose `after` the ledger has not reached:
 * the push before it may still be on its way up a slow link.
 */
export const PUSH_ORDER_WAIT_MS = 20_000;

/** A backup file restored on this tablet, as its envelope names it: the device that wrote it, and when. */
export const restoredBackupSchema = z.object({ deviceId: z.string().check(z.minLength(1), z.maxLength(64)), madeAt: z.iso.datetime() });

/** Most backups a report names: a tablet restores a handful in its life. */
export const MAX_RESTORED_BACKUPS = 20;

/**
 * POST /api/sync/report, at each sync: how many records this tablet holds that
 * the server does not have (drafts, confirmed, queued, refused), and the backups
 * it restored, so the center knows when a lost tablet's records came back.
 */
export const unsentReportSchema = z.object({
  deviceId: uuid,
  unsent: z.int().check(z.nonnegative(), z.maximum(1_000_000)),
  restoredFrom: z._default(z.array(restoredBackupSchema).check(z.maxLength(MAX_RESTORED_BACKUPS)), []),
});
export type UnsentReport = z.input<typeof unsentReportSchema>;

export const unsentReportResponseSchema = z.object({ reportedAt: z.string() });

/** Why the server refused a mutation, field by field where it can say: the one shape of a refusal reason. */
export const refusalReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});
export type RefusalReason = z.infer<typeof refusalReasonSchema>;
/** A refusal as the server makes it: its code is one of the catalogue's (REFUSALS in problems.ts), or of `C`. */
export type Refusal<C extends RefusalCode = RefusalCode> = RefusalReason & { code: C };

/** The refusal `code` with the catalogue's sentence, and the fields it names. */
export function refusal<C extends RefusalCode>(code: C, fields?: { field: string; message: string }[]): Refusal<C> {
  return { code, message: REFUSALS[code], ...(fields ? { fields } : {}) };
}

/** The refusal codes a conflict may carry: the advisor decides (see the comment in mutationResultSchema). */
export const CONFLICT_CODES = ['ssid_taken', 'stale_version', 'ssid_differs', 'same_student_probable', 'already_enrolled'] as const satisfies readonly RefusalCode[];

/** The server's answer for one mutation. */
export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('applied'), serverVersion: z.number() }),
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('duplicate') }),
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('rejected'), reason: refusalReasonSchema }),
  z.object({
    mutationId: z.number(),
    recordId: z.string(),
    status: z.literal('conflict'),
    /**
     * `ssid_differs`: an SSID update for a student who already has another SSID (the advisor decides);
     * `same_student_probable`: the center has a student with this SSID whose name or birth date differs a little;
     * `already_enrolled`: the student already has another paper's enrollment for this program year.
     */
    reason: z.extend(refusalReasonSchema, { code: z.enum(CONFLICT_CODES) }),
    serverVersion: z.optional(z.number()),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
/** The server's answer for one mutation of kind `K`: a refusal carries one of the codes the kind's entry lists. */
export type ResultOf<K extends MutationKind> = MutationResult & { reason?: { code: RefusalOf<K> } };

export const pushResponseSchema = z.object({
  lastAppliedMutationId: z.int().check(z.nonnegative()),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const schoolSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  name: z.string(),
  cdsCode: z.string(),
  city: z.string(),
  deleted: z.boolean(),
});
export type School = z.infer<typeof schoolSchema>;

/**
 * A rostered student as the tablet holds it. No raw SSID leaves the server in a
 * roster: `ssidHash` is HMAC-SHA256(center key, ssid), so the tablet can say
 * "already used" without holding other students' numbers in the clear. The
 * tablet holds the key and the last four digits too, so this is no protection
 * against someone with the unlocked tablet: a million guesses recover one SSID
 * (README, Security).
 */
export const rosterEntrySchema = z.object({
  studentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  grade: z.string(),
  schoolId: z.string(),
  schoolStudentId: z.string(),
  ssidHash: z.nullable(z.string()),
  ssidLast4: z.nullable(z.string()),
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  deleted: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/**
 * A person of the center who may key or verify a sheet, as the tablet lists them
 * for a second keyer to pick themselves: id and display name only, nothing that
 * could be guessed at offline.
 */
export const centerAdvisorSchema = z.object({ id: z.string(), name: z.string() });
export type CenterAdvisor = z.infer<typeof centerAdvisorSchema>;

/**
 * A sheet another tablet typed and sent for a second keyer (GET
 * /api/sync/verify-queue): the whole application, because the verification
 * goes back as a new version of it. The tablet seals it at rest and never
 * shows its values before they are keyed again.
 */
export const sheetToVerifySchema = z.object({
  recordId: uuid,
  studentId: uuid,
  /** Its place in the first keyer's stack of paper. */
  sheet: z.int().check(z.positive(), z.maximum(MAX_SHEETS_TO_VERIFY)),
  /** The server's version the verification is made against (baseServerVersion of the version it makes). */
  serverVersion: versionNumber,
  application: confirmedApplicationSchema,
  confirmedAt: z.iso.datetime(),
  /** Who typed it: the first keyer, whom the second may not be. */
  enteredBy: centerAdvisorSchema,
});
export type SheetToVerify = z.infer<typeof sheetToVerifySchema>;

/** One batch of sheets waiting for a second keyer: one stack of paper on the tablet that typed it. */
export const batchToVerifySchema = z.object({
  batchId: uuid,
  /** The fields its second keyer types besides the four, as the batch fixed them; a server from before sends none. */
  fields: z.optional(addedVerifiedFieldsSchema),
  sheets: z.array(sheetToVerifySchema).check(z.minLength(1), z.maxLength(MAX_SHEETS_TO_VERIFY)),
});
export type BatchToVerify = z.infer<typeof batchToVerifySchema>;

export const verifyQueueResponseSchema = z.object({ batches: z.array(batchToVerifySchema) });
export type VerifyQueueResponse = z.infer<typeof verifyQueueResponseSchema>;

/** A version of one of this tablet's sheets that a second keyer on another tablet verified (in the pull). */
export const verifiedElsewhereSchema = z.object({
  recordId: uuid,
  serverVersion: versionNumber,
  application: confirmedApplicationSchema,
  verification: verificationSchema,
});
export type VerifiedElsewhere = z.infer<typeof verifiedElsewhereSchema>;

export const pullResponseSchema = z.object({
  /** Opaque; send it back to get only what changed since. */
  checkpoint: z.string(),
  /** More changes are waiting: pull again with the new checkpoint. */
  more: z.boolean(),
  center: z.object({
    id: z.string(),
    name: z.string(),
    /** The center's setting for verification by a second keyer; a server from before sends none ('off'). */
    verification: z._default(centerVerificationSchema, NO_VERIFICATION_POLICY),
  }),
  /** Hex key for the roster's SSID hashes (per center, derived from a server secret). */
  ssidKey: z.string(),
  schools: z.array(schoolSchema),
  roster: z.array(rosterEntrySchema),
  /** The center's enabled advisors and administrators, whole on every page (a short list). */
  advisors: z.array(centerAdvisorSchema),
  /** This tablet's sheets verified on another tablet since the checkpoint; a server from before sends none. */
  verifiedElsewhere: z._default(z.array(verifiedElsewhereSchema), []),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** One of a student's enrollments, as the students list shows it. */
export const enrollmentSummarySchema = z.object({
  id: z.string(),
  programYear: z.string(),
  /**
   * `needs_review`: sent to center review over an SSID conflict;
   * `pending_approval`: a student re-enrolled online and waits for the advisor.
   */
  status: z.enum(['submitted', 'needs_review', 'approved', 'pending_approval']),
  pafStatus: z.enum(['signed', 'missing']),
  version: z.number(),
});

/** A student of the caller's center, as GET /api/students lists it: the SSID only as its last four digits. */
export const studentSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  grade: z.string(),
  schoolId: z.string(),
  schoolStudentId: z.string(),
  ssidLast4: z.nullable(z.string()),
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  ssidConfirmedAt: z.nullable(z.string()),
  version: z.number(),
  updatedAt: z.string(),
  enrollments: z.array(enrollmentSummarySchema),
});
export type StudentSummary = z.infer<typeof studentSummarySchema>;

/** GET /api/students?q=&limit= */
export const studentListResponseSchema = z.object({ students: z.array(studentSummarySchema) });
export type StudentListResponse = z.infer<typeof studentListResponseSchema>;

/** One SSID change of a student, from the audit log: digits only as last four. */
export const ssidHistoryEntrySchema = z.object({
  at: z.string(),
  /** The name of the user who made it; null when a student did it online. */
  by: z.nullable(z.string()),
  action: z.string(),
  from: z.nullable(last4),
  to: z.nullable(last4),
});
export type SsidHistoryEntry = z.infer<typeof ssidHistoryEntrySchema>;

/** GET /api/students/:id: the record information page. The only answer that carries a whole SSID. */
export const studentRecordSchema = z.extend(studentSummarySchema, {
  ssid: z.nullable(ssidDigits),
  /** Name of the user who confirmed the SSID. */
  ssidConfirmedBy: z.nullable(z.string()),
  /** The names of the two people who keyed the SSID, when a second keyer verified it; null: typed once. */
  ssidVerification: z.nullable(z.object({
    enteredBy: z.string(),
    verifiedBy: z.string(),
    /** Who read the SSID on the paper where the keyings settled nothing; null (or absent, from a server before it): no second look. */
    secondLookBy: z._default(z.nullable(z.string()), null),
  })),
  /**
   * The fields a second keyer verified on the student's latest paper (the one
   * their fields stand on), in the order keyed, with who verified each and who
   * read it on the paper at a second look; empty when that paper was typed
   * once (or absent, from a server before it).
   */
  verifiedFields: z._default(z.array(z.object({ field: z.enum(VERIFIABLE_FIELDS), verifiedBy: z.string(), secondLookBy: z.nullable(z.string()) })), []),
  history: z.array(ssidHistoryEntrySchema),
});
export type StudentRecord = z.infer<typeof studentRecordSchema>;

export const ENROLLMENT_ORIGINS = ['tablet', 'student_online'] as const;

/** An enrollment waiting for the advisor's approval, as GET /api/enrollments?status=pending lists it. */
export const pendingEnrollmentSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  grade: z.string(),
  schoolId: z.string(),
  programYear: z.string(),
  status: z.enum(['submitted', 'pending_approval']),
  pafStatus: z.enum(['signed', 'missing']),
  /** `student_online`: the student re-enrolled on the public page. */
  origin: z.enum(ENROLLMENT_ORIGINS),
  ssidLast4: z.nullable(last4),
  /** Approval will need an SSID: the student has none and the program year requires one. */
  ssidRequired: z.boolean(),
  createdAt: z.string(),
});
export type PendingEnrollment = z.infer<typeof pendingEnrollmentSchema>;

export const pendingEnrollmentsResponseSchema = z.object({ enrollments: z.array(pendingEnrollmentSchema) });
export type PendingEnrollmentsResponse = z.infer<typeof pendingEnrollmentsResponseSchema>;

/** POST /api/enrollments/:id/approve: `ssid` when the student has none (typed; spaces and dashes allowed). */
export const approveEnrollmentRequestSchema = z.object({ ssid: z.optional(typedSsid) });
export type ApproveEnrollmentRequest = z.input<typeof approveEnrollmentRequestSchema>;

export const approveEnrollmentResponseSchema = z.object({
  enrollment: enrollmentSummarySchema,
  ssidLast4: z.nullable(last4),
  /** Approved without an SSID in a year that does not require one: ask for it anyway. */
  prompt: z.optional(z.literal('ssid_missing')),
});
export type ApproveEnrollmentResponse = z.infer<typeof approveEnrollmentResponseSchema>;

/** POST /api/re-enroll (public): a returning student's own details. */
export const reEnrollRequestSchema = z.object({
  lastName: z.string().check(z.trim(), z.minLength(1, 'Enter your last name.'), z.maxLength(80)),
  dateOfBirth: isoDateSchema,
  ssid: typedSsid,
});
export type ReEnrollRequest = z.input<typeof reEnrollRequestSchema>;

/** The answer to a matched re-enrollment (202). A failed one is the `reEnrollFailed` problem. */
export const reEnrollResponseSchema = z.object({
  programYear: z.string(),
  /** False when the advisor had already approved this year's enrollment. */
  waitingForApproval: z.boolean(),
});
export type ReEnrollResponse = z.infer<typeof reEnrollResponseSchema>;
