/** The enrollments waiting for the advisor's approval, from the server, and approving one. */
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { useServices } from '../../../hooks/context';
import { SyncContext } from '../../../sync/context';
import { createStudentCalls } from '../../../sync/students';
import type { PendingEnrollment } from '../../../../shared/protocol';
import { describeOnlineFailure } from '../../../hooks/onlineFailure';

/** The list, or why it is not here. */
export type PendingList =
  | { status: 'loading' }
  | { status: 'ready'; enrollments: PendingEnrollment[] }
  | { status: 'failed'; message: string };

/** How one approval ended; a refusal carries the server's message (e.g. the SSID the year requires). */
export type ApproveOutcome = { ok: true } | { ok: false; message: string };

/** The pending list, `approve` (with the SSID typed in the prompt, if any) and `reload`. */
export function usePendingApprovals(): {
  list: PendingList;
  approve: (enrollmentId: string, ssid?: string) => Promise<ApproveOutcome>;
  reload: () => void;
} {
  const { store } = useServices();
  const sync = useContext(SyncContext);
  const [list, setList] = useState<PendingList>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!sync) {
      setList({ status: 'failed', message: 'This screen is not connected to the server.' });
      return;
    }
    let current = true;
    setList({ status: 'loading' });
    createStudentCalls(store.db, sync.api)
      .fetchPendingEnrollments()
      .then((enrollments) => {
        if (current) setList({ status: 'ready', enrollments });
      })
      .catch((error: unknown) => {
        if (current) setList({ status: 'failed', message: describeOnlineFailure(error).message });
      });
    return () => {
      current = false;
    };
  }, [store, sync, round]);

  const approve = useCallback(
    async (enrollmentId: string, ssid?: string): Promise<ApproveOutcome> => {
      if (!sync) return { ok: false, message: 'This screen is not connected to the server.' };
      try {
        const outcome = await createStudentCalls(store.db, sync.api).approveEnrollment(enrollmentId, ssid === undefined ? {} : { ssid });
        // The server's own message: "This program year requires the student's CA SSID…" and the like.
        if (!outcome.ok) return { ok: false, message: outcome.problem.message };
      } catch (error) {
        return { ok: false, message: describeOnlineFailure(error).message };
      }
      setList((current) => (current.status === 'ready' ? { status: 'ready', enrollments: current.enrollments.filter((e) => e.id !== enrollmentId) } : current));
      return { ok: true };
    },
    [store, sync],
  );

  return { list, approve, reload: useCallback(() => setRound((n) => n + 1), []) };
}
