/**
 * The meta table: small facts kept by key. This module owns every key (named
 * in metaKeys.ts) and is the only reader and writer of the table, apart from
 * the first screen's read-only look in startPeek.ts. Values are parsed with zod on the way
 * out, because a meta row may have been written by an older version of the app.
 */
import { z } from 'zod/mini';
import type { MesaDb } from './schema';
import { uuidv7, UUID_PATTERN } from '../../shared/ids';
import {
  centerAdvisorSchema, deviceNameSchema, MAX_RESTORED_BACKUPS, restoredBackupSchema, sessionUserSchema, unsentElsewhereSchema, type CenterAdvisor, type UnsentElsewhere,
} from '../../shared/protocol';
import type { RestoredBackup } from '../../shared/unsent-reports';
import { batchVerifies, centerVerificationSchema, NO_VERIFICATION_POLICY, type CenterVerification } from '../../shared/verification-policy';
import { open, seal, sealedSchema, type Sealed } from '../crypto/seal';
import { SSID_KEY_CONTEXT } from '../crypto/sealed-roster';
import { idleMinutesSchema } from '../crypto/vault-state';
import { recordIndex } from './records';
import { META } from './metaKeys';

export { META };

export const storedSessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
  /** The server refused the token (401): keep the user, ask for a new sign-in. */
  expired: z.boolean(),
});
/** The advisor's session as kept on the tablet, so the app works offline after one sign-in. */
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** The center as pulled; one pulled before the verification setting existed reads as 'off'. */
const centerSchema = z.object({ id: z.string(), name: z.string(), verification: z._default(centerVerificationSchema, NO_VERIFICATION_POLICY) });
type PulledCenter = z.infer<typeof centerSchema>;
const counterSchema = z.int().check(z.positive());
const tokensSchema = z.array(z.string().check(z.minLength(1)));

async function readMeta<T>(db: MesaDb, key: string, schema: z.ZodMiniType<T>): Promise<T | null> {
  const row = await db.meta.get(key);
  if (row === undefined) return null;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/**
 * This tablet's id: a UUIDv7 made once and kept. Read and created in one
 * transaction, so two tabs starting together agree on one id.
 */
export function getOrCreateDeviceId(db: MesaDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(META.deviceId);
    if (typeof existing?.value === 'string' && UUID_PATTERN.test(existing.value)) return existing.value;
    const id = uuidv7();
    await db.meta.put({ key: META.deviceId, value: id });
    return id;
  });
}

/** This tablet's id, or null before the sync engine has made it. */
export function readDeviceId(db: MesaDb): Promise<string | null> {
  return readMeta(db, META.deviceId, z.string().check(z.minLength(1)));
}

/** The name this tablet was given at its last sign-in, or null before one was given. */
export function readDeviceName(db: MesaDb): Promise<string | null> {
  return readMeta(db, META.deviceName, deviceNameSchema);
}

export async function writeDeviceName(db: MesaDb, name: string): Promise<void> {
  await db.meta.put({ key: META.deviceName, value: deviceNameSchema.parse(name) });
}

/** The next mutation id as stored, or 1 before the first is taken. */
export async function readNextMutationId(db: MesaDb): Promise<number> {
  return (await readMeta(db, META.nextMutationId, counterSchema)) ?? 1;
}

/** Sets the next mutation id (a backup import that queued rows); call inside its transaction. */
export async function writeNextMutationId(db: MesaDb, next: number): Promise<void> {
  await db.meta.put({ key: META.nextMutationId, value: counterSchema.parse(next) });
}

/** Takes the next mutation id; call inside a rw transaction over `meta`. */
export async function takeMutationId(db: MesaDb): Promise<number> {
  const id = await readNextMutationId(db);
  await db.meta.put({ key: META.nextMutationId, value: id + 1 });
  return id;
}

/** The stored session, or null when nobody has signed in on this tablet. */
export function readSession(db: MesaDb): Promise<StoredSession | null> {
  return readMeta(db, META.session, storedSessionSchema);
}

/** Stores the session; call inside a transaction over `meta` when it depends on what was read. */
export async function writeSession(db: MesaDb, session: StoredSession): Promise<void> {
  await db.meta.put({ key: META.session, value: session });
}

/** Forgets the session. */
export async function deleteSession(db: MesaDb): Promise<void> {
  await db.meta.delete(META.session);
}

/** The checkpoint of the last pulled page, or null before the first pull. */
export function readCheckpoint(db: MesaDb): Promise<string | null> {
  return readMeta(db, META.pullCheckpoint, z.string());
}

/** What one pulled page leaves in meta; call inside the page's transaction. */
export async function writePulledFacts(
  db: MesaDb,
  facts: { checkpoint: string; ssidKey: Sealed; center: PulledCenter; advisors: CenterAdvisor[] },
): Promise<void> {
  await db.meta.bulkPut([
    { key: META.pullCheckpoint, value: facts.checkpoint },
    { key: META.ssidKey, value: facts.ssidKey },
    { key: META.center, value: facts.center },
    { key: META.advisors, value: facts.advisors },
  ]);
}

/** Forgets what was pulled for a center (checkpoint, SSID hash key, center, the roster's order), so the next pull starts over. */
export async function forgetPulledFacts(db: MesaDb): Promise<void> {
  await db.meta.bulkDelete([META.pullCheckpoint, META.ssidKey, META.center, ...ROSTER_ORDER_KEYS]);
}

/** The roster's order as stored: its first screenful and the whole, each sealed, always written together. */
export interface SealedRosterOrder {
  head: Sealed;
  whole: Sealed;
}

/** The meta keys of the roster's order, which go wherever the roster goes. */
export const ROSTER_ORDER_KEYS = [META.rosterHead, META.rosterOrder] as const;

/** The sealed first screenful of the roster's order, or null when none is stored. */
export function readRosterHeadSeal(db: MesaDb): Promise<Sealed | null> {
  return readMeta(db, META.rosterHead, sealedSchema);
}

/** The sealed order, or null when none is stored. */
export async function readRosterOrderSeals(db: MesaDb): Promise<SealedRosterOrder | null> {
  const [head, whole] = await Promise.all([readRosterHeadSeal(db), readMeta(db, META.rosterOrder, sealedSchema)]);
  return head && whole ? { head, whole } : null;
}

/** Stores the order, or forgets it (null); call inside a transaction over `meta` when it depends on what was read. */
export async function writeRosterOrder(db: MesaDb, order: SealedRosterOrder | null): Promise<void> {
  if (order === null) await db.meta.bulkDelete([...ROSTER_ORDER_KEYS]);
  else await db.meta.bulkPut([{ key: META.rosterHead, value: order.head }, { key: META.rosterOrder, value: order.whole }]);
}

/**
 * The hex key of the roster's SSID hashes, once pulled. It is sealed at rest (with
 * it, anyone could test SSIDs against the roster's hashes); a plain value from
 * before is read as it is until the first unlock seals it. VaultLockedError while locked.
 */
export async function readSsidKey(db: MesaDb): Promise<string | null> {
  const key = recordIndex(db).key();
  const row = await db.meta.get(META.ssidKey);
  const sealed = sealedSchema.safeParse(row?.value);
  if (!sealed.success) return readMeta(db, META.ssidKey, z.string());
  const parsed = z.string().safeParse(await open(key, sealed.data, SSID_KEY_CONTEXT));
  return parsed.success ? parsed.data : null;
}

/** The SSID hash key as stored: sealed (seal it before the transaction that writes it). */
export function sealSsidKey(key: CryptoKey, ssidKey: string): Promise<Sealed> {
  return seal(key, ssidKey, SSID_KEY_CONTEXT);
}

/** The SSID hash key if it is still stored plain (from before the roster was sealed), else null. */
export async function readPlainSsidKey(db: MesaDb): Promise<string | null> {
  const value = (await db.meta.get(META.ssidKey))?.value;
  return typeof value === 'string' ? value : null;
}

/** Replaces a plain SSID hash key with its sealed form if it is still `plain`; call inside a transaction over `meta`. */
export async function replacePlainSsidKey(db: MesaDb, plain: string, sealed: Sealed): Promise<void> {
  if ((await db.meta.get(META.ssidKey))?.value === plain) await db.meta.put({ key: META.ssidKey, value: sealed });
}

/** The advisor's center, once pulled. */
export function readCenter(db: MesaDb): Promise<PulledCenter | null> {
  return readMeta(db, META.center, centerSchema);
}

/** The center's setting for verification by a second keyer as last pulled ('off' before the first pull). */
export async function readCenterVerification(db: MesaDb): Promise<CenterVerification> {
  return (await readCenter(db))?.verification ?? NO_VERIFICATION_POLICY;
}

/** Whether a second keyer verifies the sheets of `batch` (its switch, or the center's requirement; none for a sheet without a batch). */
export async function readBatchVerifies(db: MesaDb, batch: { verify?: boolean } | null): Promise<boolean> {
  return batchVerifies((await readCenterVerification(db)).policy, batch?.verify);
}

/**
 * The center's advisors as the last pull listed them (empty before the first
 * pull). Names of staff, not pupil data, so they are kept plain.
 */
export async function readAdvisors(db: MesaDb): Promise<CenterAdvisor[]> {
  return (await readMeta(db, META.advisors, z.array(centerAdvisorSchema))) ?? [];
}

/** Tokens signed out offline and not yet revoked on the server. */
export async function readRevocations(db: MesaDb): Promise<string[]> {
  return (await readMeta(db, META.revocations, tokensSchema)) ?? [];
}

/** Replaces the tokens waiting for revocation (none left deletes the row). */
async function writeRevocations(db: MesaDb, tokens: string[]): Promise<void> {
  if (tokens.length > 0) await db.meta.put({ key: META.revocations, value: tokens });
  else await db.meta.delete(META.revocations);
}

/** The schema version under which every row was found sealed, or null (never, or a value not understood). */
export function readAllSealedAt(db: MesaDb): Promise<number | null> {
  return readMeta(db, META.allSealedAt, z.number());
}

/** Notes that a pass under schema `version` left no row plain. */
export async function writeAllSealedAt(db: MesaDb, version: number): Promise<void> {
  await db.meta.put({ key: META.allSealedAt, value: version });
}

/** The saved idle lock delay, or null when none was saved (or a stored value is not valid). */
export function readIdleMinutes(db: MesaDb): Promise<number | null> {
  return readMeta(db, META.idleMinutes, idleMinutesSchema);
}

/** Saves the idle lock delay; ZodError for a value outside 1-240 whole minutes. */
export async function saveIdleMinutes(db: MesaDb, minutes: number): Promise<void> {
  await db.meta.put({ key: META.idleMinutes, value: idleMinutesSchema.parse(minutes) });
}

/** Remembers `token` for revocation at the next connection; call inside the sign-out's transaction. */
export async function rememberRevocation(db: MesaDb, token: string): Promise<void> {
  const tokens = await readRevocations(db);
  if (!tokens.includes(token)) await writeRevocations(db, [...tokens, token]);
}

/**
 * Forgets the revoked tokens in `done`, reading the list again in one
 * transaction (another tab may have signed out meanwhile, and its token must
 * stay). Resolves to how many are left.
 */
export function forgetRevocations(db: MesaDb, done: ReadonlySet<string>): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const left = (await readRevocations(db)).filter((token) => !done.has(token));
    await writeRevocations(db, left);
    return left.length;
  });
}

/** The warnings the last sign-in on this tablet (with an empty store) was given; none once dealt with. */
export async function readUnsentElsewhere(db: MesaDb): Promise<UnsentElsewhere[]> {
  return (await readMeta(db, META.unsentElsewhere, z.array(unsentElsewhereSchema))) ?? [];
}

/** Keeps the warnings a sign-in was given, or forgets them all (an empty list). */
export async function writeUnsentElsewhere(db: MesaDb, warnings: readonly UnsentElsewhere[]): Promise<void> {
  if (warnings.length > 0) await db.meta.put({ key: META.unsentElsewhere, value: warnings });
  else await db.meta.delete(META.unsentElsewhere);
}

/** Forgets the warning about one device: the advisor hid it, or its backup was restored here. */
export async function forgetUnsentElsewhere(db: MesaDb, deviceId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await writeUnsentElsewhere(db, (await readUnsentElsewhere(db)).filter((w) => w.deviceId !== deviceId));
  });
}

/** The backup files restored here, oldest first. */
export async function readRestoredBackups(db: MesaDb): Promise<RestoredBackup[]> {
  return (await readMeta(db, META.restoredBackups, z.array(restoredBackupSchema))) ?? [];
}

/**
 * Notes a restored backup and forgets the sign-in's warning about the device
 * that wrote it (its records are here now). Keeps the latest MAX_RESTORED_BACKUPS.
 */
export async function rememberRestoredBackup(db: MesaDb, backup: RestoredBackup): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const known = (await readRestoredBackups(db)).filter((b) => b.deviceId !== backup.deviceId || b.madeAt !== backup.madeAt);
    await db.meta.put({ key: META.restoredBackups, value: [...known, backup].slice(-MAX_RESTORED_BACKUPS) });
    await forgetUnsentElsewhere(db, backup.deviceId);
  });
}

/** The last unsent report the server took, as its text; null before the first. */
export function readLastUnsentReport(db: MesaDb): Promise<string | null> {
  return readMeta(db, META.lastUnsentReport, z.string());
}

/** Remembers the report the server just took. */
export async function writeLastUnsentReport(db: MesaDb, report: string): Promise<void> {
  await db.meta.put({ key: META.lastUnsentReport, value: report });
}
