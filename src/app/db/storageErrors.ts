/**
 * What can go wrong with the browser's storage, in words an advisor can act on.
 * Chrome reports a full disk as an AbortError of the transaction whose inner
 * error is a QuotaExceededError, so the whole chain of causes is searched.
 */
import { CryptoError } from '../crypto/errors';

/** The device has no room left for what was just written; nothing was lost in memory. */
export class StorageFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('This tablet’s storage is full. What you typed is still on screen; free some space and it will be saved.', options);
    this.name = 'StorageFullError';
  }
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  // Dexie keeps the browser's error in `inner`; standard errors use `cause`.
  while (current !== null && typeof current === 'object' && !chain.includes(current) && chain.length < 8) {
    chain.push(current);
    const holder = current as { inner?: unknown; cause?: unknown };
    current = holder.inner ?? holder.cause;
  }
  return chain;
}

/** True when any error in the chain is the browser saying storage is full. */
export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some((e) => (e as { name?: unknown }).name === 'QuotaExceededError' || e instanceof StorageFullError);
}

/** Re-throws a storage-full error as StorageFullError and anything else unchanged. */
export function rethrowStorageError(error: unknown): never {
  if (isQuotaError(error) && !(error instanceof StorageFullError)) throw new StorageFullError({ cause: error });
  throw error;
}

/** A sentence for the advisor about a failed save. */
export function describeSaveError(error: unknown): string {
  if (isQuotaError(error)) return new StorageFullError().message;
  // Locked, record busy in another window: these carry their own sentence for the advisor.
  if (error instanceof CryptoError || (error instanceof Error && error.name === 'RecordBusyError')) return error.message;
  return 'Could not save to this tablet. What you typed is still on screen; it will be saved when you type again or press Try again.';
}

/** True when the browser refuses IndexedDB altogether (private mode, disabled storage). */
export function isStorageUnavailable(error: unknown): boolean {
  const names = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'UnknownError', 'OpenFailedError']);
  return errorChain(error).some((e) => names.has(String((e as { name?: unknown }).name)));
}
