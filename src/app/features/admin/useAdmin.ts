/**
 * One administrator's list from the server, and actions on it: `act` runs a
 * call, says how it went in the administrator's words, and reloads the list
 * (and the history) after a change.
 */
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { describeOnlineFailure } from '../../hooks/onlineFailure';
import { SyncContext } from '../../sync/context';
import { ApiError } from '../../sync/api';
import { createAdminCalls, type AdminCalls } from './adminCalls';

/** The list, or why it is not here. */
export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string };

/** How the last action went; field reasons come from the server's invalidBody details. */
export type ActionOutcome = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

/** What an admin screen needs. */
export interface AdminResource<T> {
  list: Loaded<T>;
  /** Bumped on every change, so the history panel reloads with the list. */
  round: number;
  reload: () => void;
  act: <R>(run: (calls: AdminCalls) => Promise<R>) => Promise<{ ok: true; value: R } | Extract<ActionOutcome, { ok: false }>>;
}

/** The admin calls, or null outside the sync provider (a test shell). */
export function useAdminCalls(): AdminCalls | null {
  const { store } = useServices();
  const sync = useContext(SyncContext);
  return useMemo(() => (sync ? createAdminCalls(store.db, sync.api) : null), [store, sync]);
}

/**
 * Loads `load` on mount, after each successful action, and when `refreshKey`
 * changes: `load` reads nothing of the screen's but what `refreshKey` names
 * (a program year, the history's round).
 */
export function useAdminResource<T>(load: (calls: AdminCalls) => Promise<T>, refreshKey: number | string = 0): AdminResource<T> {
  const calls = useAdminCalls();
  const [list, setList] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!calls) {
      setList({ status: 'failed', message: 'This screen is not connected to the server.' });
      return;
    }
    let current = true;
    load(calls)
      .then((data) => {
        if (current) setList({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        if (current) setList({ status: 'failed', message: describeOnlineFailure(error).message });
      });
    return () => {
      current = false;
    };
    // `load` changes only with `refreshKey` (see above), so the calls, the round and the key say when to load.
  }, [calls, round, refreshKey]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const act = useCallback(
    async <R,>(run: (c: AdminCalls) => Promise<R>) => {
      if (!calls) return { ok: false as const, message: 'This screen is not connected to the server.', fields: {} };
      try {
        const value = await run(calls);
        reload();
        return { ok: true as const, value };
      } catch (error) {
        const fields = Object.fromEntries((error instanceof ApiError ? error.problem.details ?? [] : []).map((d) => [d.field, d.message]));
        return { ok: false as const, message: describeOnlineFailure(error).message, fields };
      }
    },
    [calls, reload],
  );
  return { list, round, reload, act };
}
