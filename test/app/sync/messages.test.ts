import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, ContractError, NetworkError } from '../../../src/app/sync/api';
import { describeLastResult, describePending, describeSignInError, describeSyncError, OFFLINE_SIGN_IN } from '../../../src/app/sync/messages';
import { PROBLEMS } from '../../../src/shared/problems';

const at = (_: number) => '10:42';
const problem = (p: { code: number; status: number; message: string }) => new ApiError(p.status, { code: p.code, message: p.message });

describe('what the status bar says about the last sync', () => {
  it.each([
    [{ applied: 0, rejected: 0, conflicts: 0 }, 'Last sync 10:42: up to date'],
    [{ applied: 5, rejected: 0, conflicts: 0 }, 'Last sync 10:42: 5 sent'],
    [{ applied: 3, rejected: 1, conflicts: 1 }, 'Last sync 10:42: 3 sent, 1 rejected, 1 conflict'],
    [{ applied: 0, rejected: 0, conflicts: 2 }, 'Last sync 10:42: 0 sent, 2 conflicts'],
    [{ applied: 0, rejected: 0, conflicts: 0, error: 'Could not reach the server.' }, 'Last sync 10:42 stopped: Could not reach the server.'],
    [{ applied: 2, rejected: 0, conflicts: 0, error: 'Could not reach the server.' }, 'Last sync 10:42 stopped: Could not reach the server. (2 sent before it stopped)'],
  ])('%o reads "%s"', (counts, expected) => {
    expect(describeLastResult({ at: 0, ...counts }, at)).toBe(expected);
  });

  it.each([
    [{ pending: 0, attention: 0, setAside: 0 }, 'Everything is synced'],
    [{ pending: 3, attention: 0, setAside: 0 }, '3 waiting to sync'],
    [{ pending: 3, attention: 1, setAside: 2 }, '3 waiting to sync'],
    [{ pending: 0, attention: 1, setAside: 0 }, null],
    [{ pending: 0, attention: 0, setAside: 1 }, null],
  ])('counts what is still waiting: %o reads %j', (work, expected) => {
    expect(describePending(work)).toBe(expected);
  });

  it('never says synced while anything waits or needs the advisor', () => {
    const count = fc.nat({ max: 1000 });
    fc.assert(
      fc.property(count, count, count, (pending, attention, setAside) => {
        const said = describePending({ pending, attention, setAside }) ?? '';
        expect(/synced/i.test(said)).toBe(pending + attention + setAside === 0);
      }),
    );
  });
});

describe('why a sign-in or a sync failed, in the advisor’s words', () => {
  it.each([
    [problem(PROBLEMS.badCredentials), true, PROBLEMS.badCredentials.message],
    [problem(PROBLEMS.tooManyRequests), true, PROBLEMS.tooManyRequests.message],
    [problem(PROBLEMS.invalidBody), true, 'Enter your email address and password.'],
    [new NetworkError('Failed to fetch', false), false, OFFLINE_SIGN_IN],
    [new NetworkError('Failed to fetch', false), true, OFFLINE_SIGN_IN],
    [new NetworkError('No answer within 30 s.', true), true, 'The server did not answer. Try again in a moment.'],
  ])('sign-in: %s (online %s)', (error, online, expected) => {
    expect(describeSignInError(error, online)).toBe(expected);
  });

  it.each([
    [new NetworkError('Failed to fetch', false), 'Could not reach the server.'],
    [new NetworkError('No answer', true), 'The server did not answer in time.'],
    [problem(PROBLEMS.internal), PROBLEMS.internal.message],
    [new ContractError('bad shape'), 'The server sent an answer this app does not understand.'],
    [Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }), expect.stringContaining('storage is full')],
  ])('sync: %s', (error, expected) => {
    expect(describeSyncError(error)).toEqual(expected);
  });
});
