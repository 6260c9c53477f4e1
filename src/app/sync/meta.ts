/**
 * The sync engine's facts in the meta table: device id, session, pull checkpoint,
 * the roster's SSID hash key, the center and its advisors. Values are parsed with zod on the way
 * out, because a meta row may have been written by an older version of the app.
 */
import { z } from 'zod';
import type { MesaDb } from '../db/schema';
import { uuidv7, UUID_PATTERN } from '../../shared/ids';
import { centerAdvisorSchema, sessionUserSchema, type CenterAdvisor } from '../../shared/protocol';
import { open, seal, sealedSchema, type Sealed } from '../crypto/seal';
import { SSID_KEY_CONTEXT } from '../crypto/sealed-roster';
import { recordIndex } from '../db/records';

/** Meta keys owned by sync; other parts of the app read some of them (ssidKey, center). */
export const META = {
  deviceId: 'deviceId',
  session: 'session',
  pullCheckpoint: 'pullCheckpoint',
  ssidKey: 'ssidKey',
  center: 'center',
  /** The center's advisors (id and name), for a second keyer to pick themselves. */
  advisors: 'advisors',
  /** Tokens signed out offline, revoked on the server at the next connection. */
  revocations: 'revocations',
} as const;

export const storedSessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
  /** The server refused the token (401): keep the user, ask for a new sign-in. */
  expired: z.boolean(),
});
/** The advisor's session as kept on the tablet, so the app works offline after one sign-in. */
export type StoredSession = z.infer<typeof storedSessionSchema>;

const centerSchema = z.object({ id: z.string(), name: z.string() });

async function readMeta<T>(db: MesaDb, key: string, schema: z.ZodType<T>): Promise<T | null> {
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

/** The stored session, or null when nobody has signed in on this tablet. */
export function readSession(db: MesaDb): Promise<StoredSession | null> {
  return readMeta(db, META.session, storedSessionSchema);
}

/** The checkpoint of the last pulled page, or null before the first pull. */
export function readCheckpoint(db: MesaDb): Promise<string | null> {
  return readMeta(db, META.pullCheckpoint, z.string());
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

/** The advisor's center, once pulled. */
export function readCenter(db: MesaDb): Promise<{ id: string; name: string } | null> {
  return readMeta(db, META.center, centerSchema);
}

/**
 * The center's advisors as the last pull listed them (empty before the first
 * pull). Names of staff, not pupil data, so they are kept plain.
 */
export async function readAdvisors(db: MesaDb): Promise<CenterAdvisor[]> {
  return (await readMeta(db, META.advisors, z.array(centerAdvisorSchema))) ?? [];
}
