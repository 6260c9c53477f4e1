/**
 * Builds the Fastify server: hooks (security headers, gzip bodies and answers,
 * authentication), the API routes, the built PWA, and the one error handler.
 * The database handle is passed in, so tests run the real server on their own database.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { DatabaseHandle } from './db/connect';
import { loggableError } from './db/errors';
import { registerAuthentication } from './http/authenticate';
import { registerGzipAnswers } from './http/gzip-answers';
import { registerGzipBodies } from './http/gzip-body';
import { loggerOptions } from './http/logger';
import { problemFor, sendProblem } from './http/problem';
import { applySecurityHeaders, contentSecurityPolicy, registerSecurityHeaders, securityHeaders } from './http/security-headers';
import { appDocument, hasBuild, inlineStyleHashes, registerStaticFiles } from './http/static-files';
import { adminAccountRoutes } from './routes/admin-accounts';
import { adminProgressRoutes } from './routes/admin-progress';
import { adminSchoolRoutes } from './routes/admin-schools';
import { adminTabletRoutes } from './routes/admin-tablets';
import { adminVerificationRoutes } from './routes/admin-verification';
import { enrollmentRoutes } from './routes/enrollments';
import { passwordRoutes } from './routes/password';
import { reEnrollRoutes } from './routes/re-enroll';
import { sessionRoutes } from './routes/session';
import { setupRoutes } from './routes/setup';
import { studentRoutes } from './routes/students';
import { syncRoutes } from './routes/sync';
import { resolveServerSecret } from './secret';
import type { TrustProxy } from './config';
import { DEFAULT_RE_ENROLL_LIMITS, DEFAULT_SETUP_LIMITS, DEFAULT_SIGN_IN_LIMITS, type ReEnrollLimits, type ServerDeps, type SetupLimits, type SignInLimits } from './deps';

export interface BuildServerOptions {
  /** A migrated database. */
  handle: DatabaseHandle;
  /** Defaults to the secret stored in the database. */
  serverSecret?: string;
  /** The built PWA; not served when absent or not built. */
  distDir?: string;
  sessionTtlDays?: number;
  /** Which X-Forwarded-For hops to believe for the caller's IP: a hop count or the proxies' addresses. */
  trustProxy?: TrustProxy;
  /** Re-enrollment rate limits and answer floor; defaults in DEFAULT_RE_ENROLL_LIMITS. */
  reEnroll?: Partial<ReEnrollLimits>;
  /** Sign-in rate limits; defaults in DEFAULT_SIGN_IN_LIMITS. */
  signIn?: Partial<SignInLimits>;
  /** First set-up rate limit; defaults in DEFAULT_SETUP_LIMITS. */
  setup?: Partial<SetupLimits>;
  /** false for silence; `stream` to capture the log lines. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
}

/** A ready (not yet listening) server. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { handle } = options;
  const serveApp = options.distDir !== undefined && hasBuild(options.distDir);
  const headers = securityHeaders(contentSecurityPolicy(serveApp ? inlineStyleHashes(options.distDir!) : []));
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(options.logger?.level ?? 'info', options.logger?.stream),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    // Ids in URLs are UUIDs; anything longer is not ours.
    routerOptions: { maxParamLength: 100 },
    // A URL the router cannot read (bad percent-encoding, an over-long id) is
    // answered before any hook runs: give it the headers and a catalogue body here.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(reply, request.url, headers);
      return sendProblem(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'notFound' : 'badRequest');
    },
  });
  const deps: ServerDeps = {
    handle,
    serverSecret: await resolveServerSecret(handle.db, options.serverSecret),
    sessionTtlDays: options.sessionTtlDays ?? 30,
    reEnroll: { ...DEFAULT_RE_ENROLL_LIMITS, ...options.reEnroll },
    signIn: { ...DEFAULT_SIGN_IN_LIMITS, ...options.signIn },
    setup: { ...DEFAULT_SETUP_LIMITS, ...options.setup },
  };

  registerSecurityHeaders(app, headers);
  registerGzipBodies(app);
  registerGzipAnswers(app);
  registerAuthentication(app, handle.db);

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error);
    if (problem.problem === 'internal') request.log.error({ err: loggableError(error) }, 'request failed');
    return sendProblem(reply, problem.problem, problem.details, problem.headers);
  });

  await app.register(sessionRoutes, deps);
  await app.register(syncRoutes, deps);
  await app.register(studentRoutes, deps);
  await app.register(enrollmentRoutes, deps);
  await app.register(reEnrollRoutes, deps);
  await app.register(passwordRoutes, deps);
  await app.register(setupRoutes, deps);
  await app.register(adminAccountRoutes, deps);
  await app.register(adminSchoolRoutes, deps);
  await app.register(adminTabletRoutes, deps);
  await app.register(adminProgressRoutes, deps);
  await app.register(adminVerificationRoutes, deps);

  if (serveApp) await registerStaticFiles(app, options.distDir!);
  const inAppDocument = serveApp ? appDocument(options.distDir!) : null;

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    // A path whose last segment has a dot is a file: a missing one is a 404, not the app.
    const looksLikeFile = (path.split('/').pop() ?? '').includes('.');
    if (inAppDocument !== null && !isApi && !looksLikeFile && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile(inAppDocument);
    }
    return sendProblem(reply, 'notFound');
  });
  return app;
}
