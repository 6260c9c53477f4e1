/**
 * The first visit to an empty server: whether it offers to create the first
 * center and administrator, and doing it (then signing in as that administrator).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { setupStatusSchema, type SetupRequest } from '../../../shared/admin-protocol';
import { ApiError } from '../../sync/api';
import { useSyncServices } from '../../sync/context';
import { describeSignInError } from '../../sync/messages';
import { useSession } from '../../hooks/useSession';
import { z } from 'zod/mini';

/** How a set-up went; field reasons come from the server. */
export type SetupOutcome = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

/** `needed` is null until the server answered (or when it cannot be reached: sign-in is shown then). */
export function useFirstSetup(): { needed: boolean | null; create: (request: SetupRequest) => Promise<SetupOutcome> } {
  const { api } = useSyncServices();
  const { signIn } = useSession();
  const [needed, setNeeded] = useState<boolean | null>(null);

  useEffect(() => {
    let current = true;
    api.request('GET', '/api/setup', setupStatusSchema, {})
      .then((status) => {
        if (current) setNeeded(status.needed);
      })
      .catch((error: unknown) => {
        // Offline or an older server: the sign-in screen is the right fallback.
        console.warn('Could not ask the server whether it is set up', error instanceof Error ? error.name : typeof error);
        if (current) setNeeded(false);
      });
    return () => {
      current = false;
    };
  }, [api]);

  const create = useCallback(
    async (request: SetupRequest): Promise<SetupOutcome> => {
      try {
        await api.request('POST', '/api/setup', z.object({ created: z.literal(true) }), { body: request });
        await signIn({ email: request.email, password: request.password });
        return { ok: true };
      } catch (error) {
        const fields = Object.fromEntries((error instanceof ApiError ? error.problem.details ?? [] : []).map((d) => [d.field, d.message]));
        const message = Object.keys(fields).length > 0 ? 'Check the fields marked above.' : describeSignInError(error, navigator.onLine);
        return { ok: false, message, fields };
      }
    },
    [api, signIn],
  );
  return { needed, create };
}
