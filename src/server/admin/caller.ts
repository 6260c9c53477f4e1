/** Who may use the administrator's routes: a signed-in center administrator, for their own center. */
import type { FastifyRequest } from 'fastify';
import { callerOf } from '../http/authenticate';
import { Problem } from '../http/problem';

/** Who is acting, for which center. */
export interface Actor {
  userId: string;
  centerId: string;
}

/** The caller, when a center administrator; otherwise a 403 (advisors never reach these routes). */
export function adminOf(request: FastifyRequest): Actor {
  const { user } = callerOf(request);
  if (user.role !== 'center_admin') throw new Problem('forbidden');
  return { userId: user.id, centerId: user.centerId };
}
