/**
 * Accepts `Content-Encoding: gzip` request bodies (the outbox compresses its
 * batches). The body is decompressed before Fastify's JSON parser and the route's
 * body limit applies to the decompressed bytes too: a zip bomb is stopped at the
 * limit with a 413, without inflating the rest.
 */
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { Problem } from './problem';

/** Counts decompressed bytes and fails with 413 past `limit`; reports compressed bytes to Fastify. */
class LimitedBody extends Transform {
  /** Fastify compares this, not the decompressed length, with Content-Length. */
  receivedEncodedLength = 0;
  #decoded = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#decoded += chunk.length;
    if (this.#decoded > this.limit) {
      callback(Object.assign(new Problem('tooLarge'), { statusCode: 413 }));
      return;
    }
    callback(null, chunk);
  }
}

/** Registers the decompression step for every route. */
export function registerGzipBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
    if (encoding === 'identity') return payload;
    if (encoding !== 'gzip') throw new Problem('unsupportedEncoding');
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;
    const body = new LimitedBody(limit);
    const gunzip = createGunzip();
    payload.on('data', (chunk: Buffer) => {
      body.receivedEncodedLength += chunk.length;
      // Chunked bodies have no Content-Length for Fastify to check up front.
      if (body.receivedEncodedLength > limit) payload.destroy();
    });
    payload.pipe(gunzip);
    // On error pipeline destroys both stages, so a bomb stops inflating at once. The
    // request itself is drained rather than destroyed: destroying it would drop the
    // connection before the 413 is sent.
    pipeline(gunzip, body, (error) => {
      if (!error) return;
      payload.unpipe(gunzip);
      payload.resume();
      request.log.info({ code: (error as NodeJS.ErrnoException).code ?? 'too_large' }, 'gzip body refused');
    });
    return body;
  });
}
