/**
 * Base64 for ciphertext stored in IndexedDB and backup files. Converted in
 * chunks because spreading a multi-megabyte backup into String.fromCharCode
 * overflows the call stack.
 */
const CHUNK = 0x8000;

/** Standard base64 of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The bytes of a standard base64 string; throws on characters outside the alphabet. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `length` bytes from the platform's cryptographic random source. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}
