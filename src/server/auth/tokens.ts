/** Session tokens: random, given to the client once, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How a token is stored and looked up: sha256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
