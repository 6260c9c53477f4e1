/** Replacing a one-time password: the call, its outcome in the user's words, and a sync once it is done. */
import { useCallback } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { useSyncServices } from '../../sync/context';
import { ApiError } from '../../sync/api';
import { describeSignInError } from '../../sync/messages';
import { changePassword } from '../../sync/session';

/** How a change went; field reasons come from the server. */
export type PasswordChangeOutcome = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

/** `change(current, next)`. */
export function usePasswordChange(): (currentPassword: string, newPassword: string) => Promise<PasswordChangeOutcome> {
  const { store } = useServices();
  const { api, engine } = useSyncServices();
  return useCallback(
    async (currentPassword: string, newPassword: string) => {
      try {
        await changePassword(store.db, api, { currentPassword, newPassword });
      } catch (error) {
        const fields = Object.fromEntries((error instanceof ApiError ? error.problem.details ?? [] : []).map((d) => [d.field, d.message]));
        const message = Object.keys(fields).length > 0 ? 'Check the passwords marked above.' : describeSignInError(error, navigator.onLine);
        return { ok: false as const, message, fields };
      }
      // Whatever waited for a usable session goes now; a failure shows in the status bar.
      engine.syncNow().catch((error: unknown) => console.error('Sync after the password change failed', error));
      return { ok: true as const };
    },
    [store, api, engine],
  );
}
