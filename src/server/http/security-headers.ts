/**
 * Security headers on every answer (design section 8). The CSP allows nothing
 * inline: the app registers its service worker from the bundle, not a script tag.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  // Ignored by browsers over plain http, so harmless on a laptop demo.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** Puts the headers on `reply`; `url` decides whether the answer may be cached. */
export function applySecurityHeaders(reply: FastifyReply, url: string): void {
  reply.headers(HEADERS);
  // Pupil records must not sit in any shared or browser cache.
  if (url.startsWith('/api/') || url === '/api') reply.header('cache-control', 'no-store');
}

/** Adds the headers to every response, including errors and static files. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    applySecurityHeaders(reply, request.url);
  });
}
