/**
 * Keys for encryption at rest.
 *
 * Envelope design: records are sealed under a random AES-GCM-256 *data key*;
 * the advisor's passphrase derives (PBKDF2-SHA256) a *wrapping key* that only
 * encrypts the data key. The stored key record {kdf: {salt, iterations},
 * wrappedKey} is also the key check: AES-GCM refuses to unwrap under a wrong
 * passphrase, so the mistake is reported before any record is read.
 * Why wrap rather than seal records under the derived key directly: changing the
 * passphrase or raising the iteration count rewrites one meta row atomically,
 * instead of re-encrypting every record (which cannot happen inside one
 * IndexedDB transaction, because WebCrypto calls end it), and a second open tab
 * keeps working with the same data key.
 */
import { z } from 'zod/mini';
import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import { WrongPassphraseError } from './errors';
import { normalizePassphrase } from './passphrase';
import { sealedSchema, type Sealed } from './seal';

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; stored per key record so it can be raised later. */
export const DEFAULT_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const WRAP_CONTEXT = new TextEncoder().encode('mesa-intake/vault-key/v1');
const AES_GCM_256 = { name: 'AES-GCM', length: 256 } as const;

/** Salt and work factor of one PBKDF2 derivation. */
export const kdfParamsSchema = z.object({
  salt: z.base64().check(z.refine((s) => base64ToBytes(s).length === SALT_BYTES, 'The salt must be 16 bytes.')),
  // The floor only guards against a corrupted row; production always writes DEFAULT_ITERATIONS or more.
  iterations: z.int().check(z.minimum(1_000), z.maximum(100_000_000)),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** What the vault stores in meta: how to derive the wrapping key, and the wrapped data key. */
export const keyRecordSchema = z.object({
  v: z.literal(1),
  kdf: kdfParamsSchema,
  wrappedKey: sealedSchema,
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

/** Fresh KDF parameters: a random 16-byte salt and the given work factor. */
export function newKdfParams(iterations: number = DEFAULT_ITERATIONS): KdfParams {
  return { salt: bytesToBase64(randomBytes(SALT_BYTES)), iterations };
}

/**
 * Derives a non-extractable AES-GCM-256 key from a passphrase. It can seal values
 * (backup files use it directly) and wrap the vault's data key.
 */
export async function deriveKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(normalizePassphrase(passphrase)),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(kdf.salt), iterations: kdf.iterations },
    material,
    AES_GCM_256,
    false,
    ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, passphrase: string, kdf: KdfParams): Promise<KeyRecord> {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, await deriveKey(passphrase, kdf), {
    name: 'AES-GCM',
    iv,
    additionalData: WRAP_CONTEXT,
  });
  const wrappedKey: Sealed = { v: 1, iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(wrapped)) };
  return { v: 1, kdf, wrappedKey };
}

async function unwrap(passphrase: string, record: KeyRecord, extractable: boolean): Promise<CryptoKey> {
  const wrappingKey = await deriveKey(passphrase, record.kdf);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      base64ToBytes(record.wrappedKey.data),
      wrappingKey,
      { name: 'AES-GCM', iv: base64ToBytes(record.wrappedKey.iv), additionalData: WRAP_CONTEXT },
      AES_GCM_256,
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') throw new WrongPassphraseError();
    throw error;
  }
}

/**
 * Makes a new random data key and its key record for `passphrase`. The key
 * returned is non-extractable; the only extractable copy exists for the moment
 * it takes to wrap it.
 */
export async function createKeyRecord(
  passphrase: string,
  iterations: number = DEFAULT_ITERATIONS,
): Promise<{ key: CryptoKey; record: KeyRecord }> {
  const extractable = await crypto.subtle.generateKey(AES_GCM_256, true, ['encrypt', 'decrypt']);
  const record = await wrap(extractable, passphrase, newKdfParams(iterations));
  return { key: await unwrap(passphrase, record, false), record };
}

/** Opens the data key (non-extractable) with the passphrase; WrongPassphraseError if it does not fit. */
export async function unlockKey(passphrase: string, record: KeyRecord): Promise<CryptoKey> {
  return unwrap(passphrase, record, false);
}

/**
 * Rekey: re-encrypts the data key under a new passphrase and/or work factor,
 * with a fresh salt. Records need no change because their key stays the same.
 * WrongPassphraseError if `oldPassphrase` does not open `record`.
 */
export async function rekey(
  oldPassphrase: string,
  newPassphrase: string,
  record: KeyRecord,
  iterations: number = Math.max(record.kdf.iterations, DEFAULT_ITERATIONS),
): Promise<KeyRecord> {
  const dataKey = await unwrap(oldPassphrase, record, true);
  return wrap(dataKey, newPassphrase, newKdfParams(iterations));
}
