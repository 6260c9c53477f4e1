/**
 * Security headers on every answer (design section 8). The CSP allows no inline
 * script (the app registers its service worker from the bundle, not a script
 * tag) and no inline style but the build's own first-paint stylesheet, by hash.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The policy for a build whose pages carry the inline stylesheets hashed in
 * `styleHashes` ('sha256-…' sources, see static-files.ts): only those, nothing
 * else inline, and no inline script at all.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with no inline style allowed: an API-only server's. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Every answer's security headers, under `policy`. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // Ignored by browsers over plain http, so harmless on a laptop demo.
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
  };
}

/** Puts the headers on `reply`; `url` decides whether the answer may be cached. */
export function applySecurityHeaders(reply: FastifyReply, url: string, headers: Record<string, string>): void {
  reply.headers(headers);
  // Pupil records must not sit in any shared or browser cache.
  if (url.startsWith('/api/') || url === '/api') reply.header('cache-control', 'no-store');
}

/** Adds the headers to every response, including errors and static files. */
export function registerSecurityHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook('onRequest', async (request, reply) => {
    applySecurityHeaders(reply, request.url, headers);
  });
}
