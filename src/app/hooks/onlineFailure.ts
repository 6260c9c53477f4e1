/** Why an online student call did not answer, in the advisor's words. */
import { ApiError, NetworkError } from '../sync/api';

/** A failed call as the screens show it: offline (no connection or no session) or an error. */
export function describeOnlineFailure(error: unknown): { status: 'offline' | 'error'; message: string } {
  if (error instanceof NetworkError) return { status: 'offline', message: 'The server cannot be reached right now.' };
  if (error instanceof ApiError && error.status === 401) return { status: 'offline', message: 'Sign in again to reach the server.' };
  if (error instanceof ApiError) return { status: 'error', message: error.problem.message };
  return { status: 'error', message: error instanceof Error ? error.message : 'The server’s answer could not be read.' };
}
