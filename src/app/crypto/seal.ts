/**
 * AES-GCM sealing of JSON values. Each value gets a fresh random 12-byte IV
 * (safe for far more than the 2^32 messages per key NIST allows), and its
 * `context` (e.g. "applications/<id>") is bound as additional authenticated
 * data, so a sealed blob copied onto another record fails to open instead of
 * silently showing one student's details on another's record.
 */
import { z } from 'zod/mini';
import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import { SealBrokenError } from './errors';

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A sealed value as stored: format version, IV and ciphertext-with-tag, both base64. */
export const sealedSchema = z.object({
  v: z.literal(1),
  iv: z.base64().check(z.refine((s) => base64ToBytes(s).length === IV_BYTES, 'The IV must be 12 bytes.')),
  data: z.base64(),
});
export type Sealed = z.infer<typeof sealedSchema>;

/** Encrypts the JSON of `value` under `key`, bound to `context`. */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Only JSON values can be sealed.');
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(json),
  );
  return { v: 1, iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(data)) };
}

/**
 * Decrypts a sealed value; the caller validates the result with its own zod
 * schema. Throws SealBrokenError for a wrong key, a wrong context or any change
 * to the blob.
 */
export async function open(key: CryptoKey, sealed: Sealed, context: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(sealed.iv), additionalData: encoder.encode(context) },
      key,
      base64ToBytes(sealed.data),
    );
  } catch (error) {
    // WebCrypto reports every authentication failure as an OperationError.
    if (error instanceof Error && error.name === 'OperationError') throw new SealBrokenError(context);
    throw error;
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}
