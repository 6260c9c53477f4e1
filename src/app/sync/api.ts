/**
 * The app's HTTP client for the sync API (brief: API contract). Every answer is
 * parsed with the shared zod schemas; every error answer becomes an ApiError
 * carrying the server's ProblemBody, and every transport failure a NetworkError,
 * so callers decide on types, never on strings.
 */
import { z } from 'zod/mini';
import { PROBLEMS, type ProblemBody } from '../../shared/problems';
import { toColumns } from '../../shared/column-batch';
import {
  approveEnrollmentResponseSchema,
  pendingEnrollmentsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  studentRecordSchema,
  type AnyMutation,
  type ApproveEnrollmentRequest,
  type ApproveEnrollmentResponse,
  type PendingEnrollmentsResponse,
  type StudentRecord,
  sessionResponseSchema,
  sessionUserSchema,
  type PullResponse,
  type PushResponse,
  type SessionRequest,
  type SessionResponse,
  type SessionUser,
} from '../../shared/protocol';

const problemBodySchema = z.object({
  code: z.number(),
  message: z.string(),
  details: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

/** The server answered with an error status; `problem` says which one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problem.message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer: no connection, DNS, a dropped socket, or our timeout. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The server answered 2xx with a body that does not match the contract. */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

/** Bodies smaller than this go uncompressed: gzip would cost more than it saves. */
const GZIP_MIN_BYTES = 1024;

/** What the client needs from its surroundings; tests pass a base URL and may wrap fetch. */
export interface ApiOptions {
  /** '' means same origin (the PWA is served by the API server). */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Gzip large request bodies when the platform has CompressionStream (default true). */
  gzip?: boolean;
}

/** The calls the app makes. */
export interface ApiClient {
  signIn(request: SessionRequest): Promise<SessionResponse>;
  signOut(token: string): Promise<void>;
  checkSession(token: string): Promise<SessionUser>;
  /** `after`: the last mutation id of the push still out that this one follows (see pushRequestSchema). */
  push(token: string, deviceId: string, mutations: AnyMutation[], after?: number): Promise<PushResponse>;
  pull(token: string, checkpoint: string | null): Promise<PullResponse>;
  /** GET /api/students/:id: the record information, the whole SSID included. */
  studentRecord(token: string, studentId: string): Promise<StudentRecord>;
  /** GET /api/enrollments?status=pending. */
  pendingEnrollments(token: string): Promise<PendingEnrollmentsResponse>;
  /** POST /api/enrollments/:id/approve. */
  approveEnrollment(token: string, enrollmentId: string, body: ApproveEnrollmentRequest): Promise<ApproveEnrollmentResponse>;
  /** Any other JSON route, its answer parsed with `schema`: how feature folders add calls without growing this list. */
  request<T>(method: string, path: string, schema: z.core.$ZodType<T>, init: { token?: string; body?: unknown }): Promise<T>;
}

/** Compresses text with the platform's CompressionStream, or returns null where there is none. */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A ProblemBody for an error answer whose body is not one (a proxy's HTML page, say). */
function problemForStatus(status: number): ProblemBody {
  const known = Object.values(PROBLEMS).find((p) => p.status === status);
  const fallback = status >= 500 ? PROBLEMS.internal : PROBLEMS.badRequest;
  const { code, message } = known ?? fallback;
  return { code, message };
}

async function readProblem(response: Response): Promise<ProblemBody> {
  const text = await response.text();
  try {
    const parsed = problemBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : problemForStatus(response.status);
  } catch (error) {
    if (error instanceof SyntaxError) return problemForStatus(response.status);
    throw error;
  }
}

/** Creates the client; one per app, or one per test server. */
export function createApiClient(options: ApiOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const useGzip = options.gzip ?? true;

  /**
   * Sends one request and reads a 2xx answer with `read`; throws ApiError or
   * NetworkError otherwise. The timeout covers the body too: a stalled download
   * must not hold the sync lock forever.
   */
  async function send<T>(
    method: string,
    path: string,
    init: { token?: string; body?: unknown },
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: BodyInit | undefined;
    if (init.body !== undefined) {
      const json = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
      const compressed = useGzip && json.length >= GZIP_MIN_BYTES ? await gzipText(json) : null;
      if (compressed) headers['content-encoding'] = 'gzip';
      body = compressed ?? json;
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(`${baseUrl}${path}`, { method, headers, body, signal: controller.signal });
      if (!response.ok) throw new ApiError(response.status, await readProblem(response));
      return await read(response);
    } catch (error) {
      if (error instanceof ApiError || error instanceof ContractError) throw error;
      if (controller.signal.aborted) throw new NetworkError(`No answer within ${timeoutMs / 1000} s.`, true);
      throw new NetworkError(error instanceof Error ? error.message : String(error), false);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends one request and parses its answer with the contract's schema. */
  async function call<T>(
    method: string,
    path: string,
    schema: z.core.$ZodType<T>,
    init: { token?: string; body?: unknown },
  ): Promise<T> {
    return send(method, path, init, async (response) => {
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new ContractError(`${method} ${path}: the answer is not JSON (${String(error)}).`);
      }
      const parsed = z.safeParse(schema, json);
      if (!parsed.success) throw new ContractError(`${method} ${path}: ${parsed.error.message}`);
      return parsed.data;
    });
  }

  return {
    signIn: (body) => call('POST', '/api/session', sessionResponseSchema, { body }),
    signOut: async (token) => {
      // Drain the body so the connection can be reused; a revoke answers with nothing we need.
      await send('DELETE', '/api/session', { token }, (response) => response.arrayBuffer());
    },
    checkSession: async (token) =>
      (await call('GET', '/api/session', z.object({ user: sessionUserSchema }), { token })).user,
    // As columns: each field's name once, and gzip shares more between one field's values (shared/column-batch.ts).
    push: (token, deviceId, mutations, after) => {
      const columns = toColumns(mutations);
      return call('POST', '/api/sync/push', pushResponseSchema, { token, body: after === undefined ? { deviceId, columns } : { deviceId, after, columns } });
    },
    pull: (token, checkpoint) => {
      const query = checkpoint === null ? '' : `?checkpoint=${encodeURIComponent(checkpoint)}`;
      return call('GET', `/api/sync/pull${query}`, pullResponseSchema, { token });
    },
    studentRecord: (token, studentId) =>
      call('GET', `/api/students/${encodeURIComponent(studentId)}`, studentRecordSchema, { token }),
    pendingEnrollments: (token) => call('GET', '/api/enrollments?status=pending', pendingEnrollmentsResponseSchema, { token }),
    approveEnrollment: (token, enrollmentId, body) =>
      call('POST', `/api/enrollments/${encodeURIComponent(enrollmentId)}/approve`, approveEnrollmentResponseSchema, { token, body }),
    request: call,
  };
}
