/**
 * Logger settings (Fastify's pino). Pupil data must never reach a log: request
 * bodies are never logged, query strings are cut from URLs (a search can be a
 * name), and credentials are redacted should any code log headers.
 */
import type { FastifyServerOptions } from 'fastify';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Options for Fastify's `logger`; `stream` captures output (tests). */
export function loggerOptions(level: string, stream?: { write(line: string): void }): LoggerOptions {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
    serializers: {
      req: (req) => ({ method: req.method, url: (req.url ?? '').split('?')[0], remoteAddress: req.ip }),
    },
  };
}
