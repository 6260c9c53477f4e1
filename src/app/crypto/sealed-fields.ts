/**
 * Which parts of a stored row are encrypted at rest.
 *
 * Sealed: everything that identifies or describes a pupil — the whole `fields`
 * object (names, date of birth, SSID, contact details, address, guardian, every
 * free-text field), the blind SSID re-key, a second keyer's verification and a
 * sheet's second look and the keyings it holds back (their keyings are the pupil's SSID, names and birth date), and the server's last
 * refusal (its messages may quote field values). For outbox rows, the whole mutation (it
 * carries the confirmed application).
 * Plain: only what IndexedDB must index or the lists and sync need without the
 * key — ids, batch, status, versions, school id, timestamps, flags. An encrypted
 * field cannot be indexed, so name search runs in memory after unlock.
 * Each blob is bound to its row ("applications/<id>", "outbox/<recordId>/<version>").
 * The outbox blob leaves out the mutation id (kept plain as the row's key) and is
 * bound to record and version instead, so confirmation can seal before its
 * transaction hands out the id: WebCrypto cannot run inside that transaction.
 */
import { z } from 'zod/mini';
import { mutationBodySchema, type MutationBody } from '../../shared/protocol';
import { localApplicationSchema, type LocalApplication, type OutboxRow } from './row-schemas';
import { open, seal, sealedSchema, type Sealed } from './seal';

/** The keys of LocalApplication that are sealed; the rest stay plain for indexes and lists. */
export const SEALED_APPLICATION_KEYS = ['fields', 'ssidRekey', 'serverReason', 'verification', 'secondLook', 'heldKeyings'] as const;
type SealedKey = (typeof SEALED_APPLICATION_KEYS)[number];

/** An application as stored once encryption at rest is on. */
export type StoredApplication = Omit<LocalApplication, SealedKey> & { sealed: Sealed };

/** An outbox row as stored once encryption at rest is on. */
export type StoredOutboxRow = Omit<OutboxRow, 'mutation'> & { sealed: Sealed };

const sealedApplicationPartSchema = z.pick(localApplicationSchema, { fields: true, ssidRekey: true, serverReason: true, verification: true, secondLook: true, heldKeyings: true });

/** The AAD of an application's blob. */
export const applicationContext = (id: string): string => `applications/${id}`;
/** The AAD of an outbox row's blob: one row per confirmed version of a record. */
export const outboxContext = (recordId: string, version: number): string => `outbox/${recordId}/${version}`;

/** True for a row written after encryption at rest was switched on. */
export function isSealedRow(row: object): row is { sealed: Sealed } {
  return 'sealed' in row && sealedSchema.safeParse(row.sealed).success;
}

/** The stored shape of `app`: plain index columns plus one sealed blob bound to its id. */
export async function sealApplication(key: CryptoKey, app: LocalApplication): Promise<StoredApplication> {
  const { fields, ssidRekey, serverReason, verification, secondLook, heldKeyings, ...plain } = app;
  const part = { fields, ssidRekey, serverReason, ...(verification ? { verification } : {}), ...(secondLook ? { secondLook } : {}), ...(heldKeyings ? { heldKeyings } : {}) };
  return { ...plain, sealed: await seal(key, part, applicationContext(app.id)) };
}

/**
 * The LocalApplication inside a stored row, validated with the application
 * schema. SealBrokenError if the blob was changed or moved from another record.
 */
export async function openApplication(key: CryptoKey, stored: StoredApplication): Promise<LocalApplication> {
  const { sealed, ...plain } = stored;
  const part = sealedApplicationPartSchema.parse(await open(key, sealed, applicationContext(stored.id)));
  return { ...plain, ...part };
}

/**
 * Seals a mutation for the outbox before its mutation id is known. Complete the
 * row inside the transaction: `{ mutationId, recordId, version, createdAt, attempts, sealed }`.
 */
export function sealMutation(key: CryptoKey, mutation: MutationBody): Promise<Sealed> {
  // Parsing strips a mutationId the caller may still carry: the row's key is the one truth.
  return seal(key, mutationBodySchema.parse(mutation), outboxContext(mutation.recordId, mutation.version));
}

/** The stored shape of an outbox row: the mutation sealed, bound to its record and version. */
export async function sealOutboxRow(key: CryptoKey, row: OutboxRow): Promise<StoredOutboxRow> {
  const { mutation, ...plain } = row;
  return { ...plain, sealed: await sealMutation(key, mutation) };
}

/** The OutboxRow inside a stored row, its mutation validated with the wire schema. */
export async function openOutboxRow(key: CryptoKey, stored: StoredOutboxRow): Promise<OutboxRow> {
  const { sealed, ...plain } = stored;
  const body = mutationBodySchema.parse(await open(key, sealed, outboxContext(stored.recordId, stored.version)));
  return { ...plain, mutation: { ...body, mutationId: stored.mutationId } };
}
