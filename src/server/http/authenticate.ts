/**
 * Bearer-token authentication for every /api route, unless the route says
 * `config: { public: true }` (sign-in, and the students' re-enrollment page).
 * It runs before the body is read, so an anonymous caller cannot make us parse one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/protocol';
import { hashToken } from '../auth/tokens';
import type { Executor } from '../queries/executor';
import { findLiveSession, wasRevokedWithDevice } from '../queries/sessions';
import type { UserRow } from '../queries/users';
import { Problem } from './problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** The signed-in caller. */
export interface Auth {
  user: SessionUser;
  /** The device this session was issued to. */
  deviceId: string;
  tokenHash: string;
}

/** Registers the check. */
export function registerAuthentication(app: FastifyInstance, db: Executor): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // Decided by the matched route, not the URL: unknown /api paths reach the static
    // files' catch-all route and end as a plain 404.
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/api/') || request.routeOptions.config.public === true) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match) throw new Problem('unauthenticated');
    const tokenHash = hashToken(match[1]!);
    const session = await findLiveSession(db, tokenHash, new Date().toISOString());
    if (!session) throw new Problem((await wasRevokedWithDevice(db, tokenHash)) ? 'deviceRevoked' : 'unauthenticated');
    const { user } = session;
    // A one-time password opens only the way to replace it (and sign-out).
    if (user.must_change_password === 1 && !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${route}`)) throw new Problem('passwordChangeRequired');
    request.auth = { user: sessionUserOf(user), deviceId: session.deviceId, tokenHash };
  });
}

/** What a user signed in with a one-time password may still do. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/session', 'DELETE /api/session', 'POST /api/session/password']);

/** The user as the session answers describe them. */
export function sessionUserOf(user: UserRow): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, centerId: user.center_id, mustChangePassword: user.must_change_password === 1 };
}

/** The caller of an authenticated route. */
export function callerOf(request: FastifyRequest): Auth {
  if (request.auth === null) throw new Problem('unauthenticated');
  return request.auth;
}
