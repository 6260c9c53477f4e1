/**
 * Gzips API answers for clients that ask for it: a roster pull or a push answer
 * is repetitive JSON that shrinks several times over, and tablets sync over slow
 * links. Small answers (a session with its token, a problem) are sent as they
 * are: compressing them saves nothing, and leaving secrets uncompressed keeps
 * them out of reach of compression side channels.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** Below this many bytes an answer is sent uncompressed. */
export const GZIP_MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);

/** Whether an Accept-Encoding header accepts gzip (by name or `*`, with a non-zero quality). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    quality.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  // An explicit gzip entry wins over `*` (RFC 9110 section 12.5.3).
  return (quality.get('gzip') ?? quality.get('*') ?? 0) > 0;
}

/** Registers the compression step for answers under /api. */
export function registerGzipAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    if (path !== '/api' && !path.startsWith('/api/')) return payload;
    // Only serialized JSON (a string or buffer) is ours to compress; streams and files are not.
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (request.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    if (Buffer.byteLength(payload) < GZIP_MIN_BYTES) return payload;
    // Whether this answer is compressed depends on the request's Accept-Encoding.
    reply.header('vary', 'Accept-Encoding');
    if (!acceptsGzip(request.headers['accept-encoding'])) return payload;
    reply.header('content-encoding', 'gzip');
    reply.removeHeader('content-length');
    return gzipAsync(payload);
  });
}
