/**
 * zod schemas of the rows the app stores, for rows that come back from outside
 * the running code: decrypted blobs, backup files, rows written by an older
 * version. `satisfies` ties them to the TypeScript types in db/schema.ts, so a
 * field added there without being added here fails the type check.
 */
import { z } from 'zod';
import { applicationFieldsSchema, programYearSchema } from '../../shared/application';
import { STATUSES } from '../../shared/lifecycle';
import { anyMutationSchema } from '../../shared/protocol';
import { verificationSchema, VERIFIED_FIELDS } from '../../shared/verification-record';
import type { LocalApplication, LocalBatch, OutboxRow, ServerReason } from '../db/schema';

const count = z.number().int().nonnegative();
const timestamp = z.number().int().nonnegative();

export const serverReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}) satisfies z.ZodType<ServerReason>;

/** One application as the tablet holds it (decrypted). */
export const localApplicationSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  batchId: z.string().nullable(),
  status: z.enum(STATUSES),
  version: z.number().int().positive(),
  serverVersion: count.nullable(),
  schoolId: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  confirmedAt: timestamp.nullable(),
  fields: applicationFieldsSchema,
  ssidRekey: z.string(),
  ssidChecked: z.boolean().optional(),
  serverReason: serverReasonSchema.nullable(),
  sendToReview: z.boolean(),
  verification: verificationSchema.optional(),
  secondLook: z.array(z.object({ field: z.enum(VERIFIED_FIELDS), values: z.tuple([z.string(), z.string(), z.string()]).readonly() })).optional(),
}) satisfies z.ZodType<LocalApplication>;

/** One outbox row (decrypted); its mutation must agree with the row's own columns. */
export const outboxRowSchema = z
  .object({
    mutationId: z.number().int().positive(),
    recordId: z.string().min(1),
    version: z.number().int().positive(),
    mutation: anyMutationSchema,
    createdAt: timestamp,
    attempts: count,
  })
  .refine(
    (row) =>
      row.mutation.mutationId === row.mutationId &&
      row.mutation.recordId === row.recordId &&
      row.mutation.version === row.version,
    'The outbox row and its mutation disagree.',
  ) satisfies z.ZodType<OutboxRow>;

/** One batch (stored plain: it holds no pupil data); loose, so a column added later is never dropped by a read. */
export const localBatchSchema = z.looseObject({
  id: z.string().min(1),
  schoolId: z.string(),
  programYear: programYearSchema,
  sheetCount: z.number().int().positive(),
  defaults: applicationFieldsSchema.partial(),
  createdAt: timestamp,
}) satisfies z.ZodType<LocalBatch>;
