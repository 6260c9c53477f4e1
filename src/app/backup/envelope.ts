/**
 * The backup file: a JSON envelope whose payload (unsynced applications and
 * their outbox rows) is sealed under a key derived from a passphrase typed for
 * the file. The envelope's `check` tells a wrong passphrase apart from a
 * damaged or altered file; the payload is bound to the envelope's createdAt and
 * deviceId, so editing those is detected too.
 */
import { z } from 'zod/mini';
import { SealBrokenError, WeakPassphraseError, WrongPassphraseError } from '../crypto/errors';
import { DEFAULT_ITERATIONS, deriveKey, kdfParamsSchema, newKdfParams } from '../crypto/keys';
import { passphraseProblems } from '../crypto/passphrase';
import { localApplicationSchema, outboxRowSchema } from '../crypto/row-schemas';
import { open, seal, sealedSchema } from '../crypto/seal';
import type { SetAsideRow } from '../db/setAside';
import { tabletKind } from '../db/kinds/registry';

export const BACKUP_FORMAT = 'mesa-intake-backup';
const CHECK_CONTEXT = 'mesa-intake-backup/check';
const CHECK_VALUE = 'mesa-intake-backup key check';

/** The outer, readable part of a backup file. */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  deviceId: z.string().check(z.minLength(1), z.maxLength(64)),
  kdf: kdfParamsSchema,
  check: sealedSchema,
  payload: sealedSchema,
});
export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;

/** A stored row that failed its schema, carried in a backup as it was read so nothing is lost (db/setAside.ts). */
const setAsideRowSchema = z.object({
  table: z.enum(['applications', 'batches', 'outbox', 'roster']),
  key: z.string(),
  batchId: z.nullable(z.string()),
  reason: z.string(),
  readable: z.record(z.string(), z.unknown()),
}) satisfies z.ZodMiniType<SetAsideRow>;

/**
 * What a backup carries: unsynced applications, the outbox rows that queue them,
 * queued SSID updates, and every row set aside as unreadable, as it was read.
 */
export const backupContentsSchema = z.object({
    applications: z.array(localApplicationSchema),
    outbox: z.array(outboxRowSchema),
    setAside: z.optional(z.array(setAsideRowSchema)),
  }).check(z.superRefine((contents, ctx) => {
    // A record set aside is in the file too: its queued versions belong to it.
    const setAsideIds = (contents.setAside ?? []).filter((row) => row.table === 'applications').map((row) => row.key);
    const ids = new Set([...contents.applications.map((a) => a.id), ...setAsideIds]);
    if (ids.size !== contents.applications.length + setAsideIds.length) ctx.addIssue({ code: 'custom', message: 'A record appears twice.' });
    const mutationIds = new Set(contents.outbox.map((r) => r.mutationId));
    if (mutationIds.size !== contents.outbox.length) ctx.addIssue({ code: 'custom', message: 'An outbox row appears twice.' });
    // A kind that is a record of its own (an SSID update) has no application in the file.
    if (contents.outbox.some((r) => tabletKind(r.mutation).needsRecordInFile && !ids.has(r.recordId))) {
      ctx.addIssue({ code: 'custom', message: 'An outbox row belongs to no record in the file.' });
    }
  }));
export type BackupContents = z.infer<typeof backupContentsSchema>;

export type BackupErrorCode = 'not_a_backup' | 'tampered' | 'invalid_contents' | 'busy';

/** A file that cannot be imported; `message` is the sentence for the advisor. Nothing was imported. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const payloadContext = (envelope: { createdAt: string; deviceId: string }) =>
  `mesa-intake-backup/v1/${envelope.deviceId}/${envelope.createdAt}`;

export interface EncryptOptions {
  deviceId: string;
  now?: Date;
  /** PBKDF2 work factor; tests lower it, files default to the production value. */
  iterations?: number;
}

/** The backup file's text for `contents`, encrypted under `passphrase` (which must meet the passphrase rules). */
export async function encryptBackup(contents: BackupContents, passphrase: string, options: EncryptOptions): Promise<string> {
  const problems = passphraseProblems(passphrase);
  if (problems.length > 0) throw new WeakPassphraseError(problems);
  const kdf = newKdfParams(options.iterations ?? DEFAULT_ITERATIONS);
  const key = await deriveKey(passphrase, kdf);
  const meta = { createdAt: (options.now ?? new Date()).toISOString(), deviceId: options.deviceId };
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: 1,
    ...meta,
    kdf,
    check: await seal(key, CHECK_VALUE, CHECK_CONTEXT),
    payload: await seal(key, backupContentsSchema.parse(contents), payloadContext(meta)),
  };
  return JSON.stringify(envelope);
}

function parseEnvelope(text: string): BackupEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('not_a_backup', 'This file is not a MESA intake backup.');
  }
  const envelope = backupEnvelopeSchema.safeParse(json);
  if (envelope.success) return envelope.data;
  const looksLikeOurs = typeof json === 'object' && json !== null && 'format' in json && json.format === BACKUP_FORMAT;
  throw new BackupError(
    'not_a_backup',
    looksLikeOurs
      ? 'This backup file is damaged or was made by a newer version of the app.'
      : 'This file is not a MESA intake backup.',
  );
}

/**
 * Opens a backup file. Throws BackupError (not a backup, altered or damaged,
 * invalid contents) or WrongPassphraseError; each leaves the database untouched
 * because nothing is written until the contents are fully validated.
 */
export async function decryptBackup(text: string, passphrase: string): Promise<{ envelope: BackupEnvelope; contents: BackupContents }> {
  const envelope = parseEnvelope(text);
  const key = await deriveKey(passphrase, envelope.kdf);
  try {
    await open(key, envelope.check, CHECK_CONTEXT);
  } catch (error) {
    if (error instanceof SealBrokenError) throw new WrongPassphraseError();
    throw error;
  }
  let payload: unknown;
  try {
    payload = await open(key, envelope.payload, payloadContext(envelope));
  } catch (error) {
    if (error instanceof SealBrokenError) {
      throw new BackupError('tampered', 'This backup file was changed or damaged after it was made, so it cannot be trusted. Nothing was imported.');
    }
    throw error;
  }
  const contents = backupContentsSchema.safeParse(payload);
  if (!contents.success) throw new BackupError('invalid_contents', 'This backup file holds records this app cannot read. Nothing was imported.');
  return { envelope, contents: contents.data };
}
