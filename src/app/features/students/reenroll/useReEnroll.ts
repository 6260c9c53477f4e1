/**
 * The public re-enrollment form's request: POST /api/re-enroll with the
 * student's last name, date of birth and CA SSID. Every refusal reads the same
 * (the server says nothing about which answer was wrong); too many attempts
 * say how long to wait, from Retry-After.
 */
import { useCallback, useState } from 'preact/hooks';
import { PROBLEMS } from '../../../../shared/problems';
import { reEnrollResponseSchema, type ReEnrollRequest, type ReEnrollResponse } from '../../../../shared/protocol';

/** Where the form is. */
export type ReEnrollState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'done'; result: ReEnrollResponse }
  | { phase: 'failed'; message: string };

/** The one message for any details that do not match. */
export const GENERIC_FAILURE = PROBLEMS.reEnrollFailed.message;

/** "Too many attempts, try again in N minutes", from a Retry-After header in seconds (or an HTTP date). */
export function tooManyAttempts(retryAfter: string | null, now = Date.now()): string {
  const seconds = retryAfter === null ? NaN : /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : (Date.parse(retryAfter) - now) / 1000;
  // Without a readable header, the server's default window (15 minutes) is the honest upper bound.
  const minutes = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 15;
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** Sends a re-enrollment; `baseUrl` is '' (same origin) in the app. */
export function useReEnroll(baseUrl = ''): { state: ReEnrollState; submit: (request: ReEnrollRequest) => Promise<void> } {
  const [state, setState] = useState<ReEnrollState>({ phase: 'idle' });
  const submit = useCallback(
    async (request: ReEnrollRequest) => {
      setState({ phase: 'sending' });
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/re-enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(request),
        });
      } catch (error) {
        // No answer at all: the student's connection, not their details.
        console.warn('Re-enrollment request failed', error instanceof Error ? error.name : typeof error);
        setState({ phase: 'failed', message: 'The MESA server could not be reached. Check your internet connection and try again.' });
        return;
      }
      if (response.status === 429) {
        setState({ phase: 'failed', message: tooManyAttempts(response.headers.get('retry-after')) });
        return;
      }
      const parsed = response.ok ? reEnrollResponseSchema.safeParse(await response.json().catch(() => null)) : null;
      setState(parsed?.success ? { phase: 'done', result: parsed.data } : { phase: 'failed', message: GENERIC_FAILURE });
    },
    [baseUrl],
  );
  return { state, submit };
}
