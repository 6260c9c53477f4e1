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
