/** Runs the real server on a real port and talks to it with fetch. */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../src/shared/ids';
import type { SessionResponse } from '../../../src/shared/protocol';
import { buildServer, type BuildServerOptions } from '../../../src/server/app';
import type { DatabaseHandle } from '../../../src/server/db/connect';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Every log line the server wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** Builds the server on `handle` and listens on a free port. */
export async function startServer(handle: DatabaseHandle, options: Partial<BuildServerOptions> = {}): Promise<RunningServer> {
  const logs: string[] = [];
  const app = await buildServer({ handle, logger: { level: 'info', stream: { write: (line) => { logs.push(line); } } }, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not listen on a port');
  return { url: `http://127.0.0.1:${address.port}`, app, logs, close: () => app.close() };
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A request; the body is sent as JSON, or as gzipped JSON with `gzip`. */
export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; gzip?: boolean; rawBody?: Buffer | string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: Buffer | string | undefined = options.rawBody;
  if (options.body !== undefined) {
    const json = JSON.stringify(options.body);
    body = options.gzip ? gzipSync(json) : json;
    headers['content-type'] = 'application/json';
    if (options.gzip) headers['content-encoding'] = 'gzip';
  }
  const response = await fetch(`${url}${path}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, headers: response.headers, body: (isJson && text !== '' ? JSON.parse(text) : text) as T };
}

/** Signs in; fails the test if that does not work. */
export async function signIn(url: string, email: string, password: string, deviceId: string = uuidv7()): Promise<SessionResponse & { deviceId: string }> {
  const answer = await call<SessionResponse>(url, 'POST', '/api/session', { body: { email, password, deviceId } });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body, deviceId };
}

/** An answer's bytes exactly as sent, compression included. */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET through node:http, which (unlike fetch) shows the bytes exactly as sent. */
export function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http.get(`${url}${path}`, { headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    }).on('error', reject);
  });
}
