/**
 * The one place that turns a problem from the catalogue (src/shared/problems.ts)
 * into an HTTP answer, and any thrown error into a problem.
 */
import type { FastifyError, FastifyReply } from 'fastify';
import { PROBLEMS, type ProblemBody, type ProblemName } from '../../shared/problems';
import { databaseProblem } from '../db/errors';

type Details = ProblemBody['details'];

/** Thrown by routes and hooks to answer with a catalogued problem. */
export class Problem extends Error {
  constructor(
    readonly problem: ProblemName,
    readonly details?: Details,
    readonly headers: Record<string, string> = {},
  ) {
    super(PROBLEMS[problem].message);
    this.name = 'Problem';
  }
}

/** Sends `problem` as the answer. */
export function sendProblem(reply: FastifyReply, problem: ProblemName, details?: Details, headers: Record<string, string> = {}): FastifyReply {
  const { code, status, message } = PROBLEMS[problem];
  const body: ProblemBody = details === undefined ? { code, message } : { code, message, details };
  return reply.code(status).headers(headers).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own error codes that mean the client sent something we cannot take. */
const FASTIFY_CODES: Record<string, ProblemName> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'tooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'badRequest',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'badRequest',
  FST_ERR_CTP_INVALID_JSON_BODY: 'badRequest',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'badRequest',
  FST_ERR_VALIDATION: 'badRequest',
};

/** Which problem an error thrown anywhere in a request stands for; `internal` when unknown. */
export function problemFor(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const fromDb = databaseProblem(error);
  if (fromDb !== undefined) return new Problem(fromDb);
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (known !== undefined) return new Problem(known);
  if (fastifyError.statusCode === 413) return new Problem('tooLarge');
  // Body parsing errors (bad JSON, broken gzip) arrive as 400s from the parser.
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) return new Problem('badRequest');
  return new Problem('internal');
}
