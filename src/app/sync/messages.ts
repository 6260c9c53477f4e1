/**
 * Sentences for the advisor, from the errors sync and sign-in can meet. The
 * server's problem codes come from the shared catalogue; the wording of network
 * failures lives here so every screen says the same thing.
 */
import { PROBLEMS } from '../../shared/problems';
import { isQuotaError } from '../db/storageErrors';
import { ApiError, ContractError, NetworkError } from './api';

export const OFFLINE_SIGN_IN = 'You are offline: sign in needs a connection once';

/** Why a sign-in failed, for the sign-in screen. */
export function describeSignInError(error: unknown, online: boolean): string {
  if (error instanceof NetworkError) {
    return online && error.timedOut ? 'The server did not answer. Try again in a moment.' : OFFLINE_SIGN_IN;
  }
  if (error instanceof ApiError) {
    if (error.problem.code === PROBLEMS.invalidBody.code) return 'Enter your email address and password.';
    return error.problem.message;
  }
  return 'Sign-in failed unexpectedly. Try again.';
}

/** Why a sync did not finish, for the status bar. */
export function describeSyncError(error: unknown): string {
  if (error instanceof NetworkError) {
    return error.timedOut ? 'The server did not answer in time.' : 'Could not reach the server.';
  }
  if (error instanceof ApiError) return error.problem.message;
  if (error instanceof ContractError) return 'The server sent an answer this app does not understand.';
  if (isQuotaError(error)) {
    return 'This tablet’s storage is full, so sync could not save the server’s answer. Nothing was lost; free some space and sync again.';
  }
  return 'Sync stopped unexpectedly; it will try again.';
}

/** The status bar's line about the last sync, e.g. "Last sync 10:42: 5 sent, 1 rejected". */
export function describeLastResult(
  result: { at: number; applied: number; rejected: number; conflicts: number; error?: string },
  formatTime: (at: number) => string,
): string {
  if (!result.error && result.applied + result.rejected + result.conflicts === 0) {
    return `Last sync ${formatTime(result.at)}: up to date`;
  }
  const parts = [`${result.applied} sent`];
  if (result.rejected > 0) parts.push(`${result.rejected} rejected`);
  if (result.conflicts > 0) parts.push(`${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'}`);
  const counts = parts.join(', ');
  if (result.error) {
    const sentSome = result.applied + result.rejected + result.conflicts > 0;
    return `Last sync ${formatTime(result.at)} stopped: ${result.error}${sentSome ? ` (${counts} before it stopped)` : ''}`;
  }
  return `Last sync ${formatTime(result.at)}: ${counts}`;
}

/** "1 waiting to sync", "3 waiting to sync", or that everything is on the server. */
export function describePending(pending: number): string {
  return pending === 0 ? 'Everything is synced' : `${pending} waiting to sync`;
}
