/**
 * The wire contract between tablet and server (design section 7), as zod schemas
 * that both sides parse with. Types are inferred from them.
 */
import { z } from 'zod';
import { confirmedApplicationSchema, ssidSourceSchema } from './application';
import { UUID_PATTERN } from './ids';

const uuid = z.string().regex(UUID_PATTERN, 'Not a valid id.');

/** Sign-in. */
export const sessionRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  deviceId: uuid,
  deviceName: z.string().max(120).optional(),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const ROLES = ['advisor', 'center_admin', 'state_admin'] as const;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  centerId: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** One confirmed version of one application, as the outbox sends it. */
export const mutationSchema = z.object({
  /** Increases by one per device; the server remembers the last one it applied. */
  mutationId: z.number().int().positive(),
  recordId: uuid,
  /** The student this application is for; a new student's id is made on the tablet. */
  studentId: uuid,
  /** The tablet's own version counter for this record. */
  version: z.number().int().positive(),
  /** The server version the tablet last saw; null for a record the server has never seen. */
  baseServerVersion: z.number().int().nonnegative().nullable(),
  application: confirmedApplicationSchema,
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  confirmedAt: z.string().datetime(),
  /** Set when the advisor sends an SSID conflict to center review instead of correcting it. */
  sendToReview: z.boolean().optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const MAX_MUTATIONS_PER_PUSH = 500;

export const pushRequestSchema = z.object({
  deviceId: uuid,
  mutations: z.array(z.unknown()).min(1).max(MAX_MUTATIONS_PER_PUSH),
});

const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** The server's answer for one mutation. */
export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('applied'), serverVersion: z.number() }),
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('duplicate') }),
  z.object({ mutationId: z.number(), recordId: z.string(), status: z.literal('rejected'), reason: reasonSchema }),
  z.object({
    mutationId: z.number(),
    recordId: z.string(),
    status: z.literal('conflict'),
    reason: reasonSchema.extend({ code: z.enum(['ssid_taken', 'stale_version']) }),
    serverVersion: z.number().optional(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  lastAppliedMutationId: z.number().int().nonnegative(),
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
 * "already used" without holding other students' numbers.
 */
export const rosterEntrySchema = z.object({
  studentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  grade: z.string(),
  schoolId: z.string(),
  schoolStudentId: z.string(),
  ssidHash: z.string().nullable(),
  ssidLast4: z.string().nullable(),
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  deleted: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const pullResponseSchema = z.object({
  /** Opaque; send it back to get only what changed since. */
  checkpoint: z.string(),
  /** More changes are waiting: pull again with the new checkpoint. */
  more: z.boolean(),
  center: z.object({ id: z.string(), name: z.string() }),
  /** Hex key for the roster's SSID hashes (per center, derived from a server secret). */
  ssidKey: z.string(),
  schools: z.array(schoolSchema),
  roster: z.array(rosterEntrySchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** One of a student's enrollments, as the students list shows it. */
export const enrollmentSummarySchema = z.object({
  id: z.string(),
  programYear: z.string(),
  /** `needs_review`: sent to center review over an SSID conflict. */
  status: z.enum(['submitted', 'needs_review', 'approved']),
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
  ssidLast4: z.string().nullable(),
  ssidSource: z.union([ssidSourceSchema, z.null()]),
  ssidConfirmedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  enrollments: z.array(enrollmentSummarySchema),
});
export type StudentSummary = z.infer<typeof studentSummarySchema>;

/** GET /api/students?q=&limit= */
export const studentListResponseSchema = z.object({ students: z.array(studentSummarySchema) });
export type StudentListResponse = z.infer<typeof studentListResponseSchema>;
