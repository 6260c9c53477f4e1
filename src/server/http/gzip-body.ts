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
    const body = new LimitedBody(request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024);
    payload.on('data', (chunk: Buffer) => { body.receivedEncodedLength += chunk.length; });
    // pipeline destroys every stage on error, so a bomb stops inflating at once.
    pipeline(payload, createGunzip(), body, (error) => {
      if (error) request.log.debug({ code: (error as NodeJS.ErrnoException).code }, 'gzip body refused');
    });
    return body;
  });
}
