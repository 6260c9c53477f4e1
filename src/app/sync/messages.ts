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

/** What still needs the advisor before the tablet is really in step with the server. */
export interface WaitingWork {
  /** Outbox rows not yet acknowledged. */
  pending: number;
  /** Records the server refused or found in conflict. */
  attention: number;
  /** Stored rows set aside because they fail their schema. */
  setAside: number;
}

/**
 * The status bar's headline: "3 waiting to sync", or "Everything is synced"
 * only when nothing at all is left, so the advisor is never told all is well
 * beside a refused record or one that needs fixing (those have their own
 * links). Null when only those links have something to say.
 */
export function describePending({ pending, attention, setAside }: WaitingWork): string | null {
  if (pending > 0) return `${pending} waiting to sync`;
  return attention + setAside === 0 ? 'Everything is synced' : null;
}

/**
 * What signing out now would mean, one sentence per reason to think twice;
 * empty when it is safe. Offline, nobody can sign in again until the tablet is
 * online, so typing would stop.
 */
export function signOutWarnings({ pending, attention, offline }: { pending: number; attention: number; offline: boolean }): string[] {
  const warnings: string[] = [];
  if (pending > 0) {
    warnings.push(
      pending === 1
        ? '1 record is waiting to sync. It stays on this tablet and is sent after the next sign-in.'
        : `${pending} records are waiting to sync. They stay on this tablet and are sent after the next sign-in.`,
    );
  }
  if (attention > 0) {
    warnings.push(attention === 1 ? '1 record needs attention before the server takes it.' : `${attention} records need attention before the server takes them.`);
  }
  if (offline) warnings.push('You are offline: nobody can sign in on this tablet until it is online again, so typing stops until then.');
  return warnings;
}
