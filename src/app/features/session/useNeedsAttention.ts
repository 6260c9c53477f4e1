/** The "Needs attention" screen's records and its three re-queue actions. */
import { useCallback } from 'preact/hooks';
import type { LocalApplication } from '../../db/schema';
import type { LiveResult } from '../../hooks/useLiveQuery';
import { useServices } from '../../hooks/context';
import { confirmSameStudent, resendAsIs, sendToCenterReview } from '../../db/requeue';
import { useRefusedRecords } from './useRefusedRecords';

/** The records waiting for the advisor after a sync, newest change first, and the three re-queue actions. */
export function useNeedsAttention(): {
  records: LiveResult<LocalApplication[]>;
  sendToReview: (recordId: string) => Promise<void>;
  resendAsIs: (recordId: string) => Promise<void>;
  sameStudent: (recordId: string) => Promise<void>;
} {
  const { store } = useServices();
  const records = useRefusedRecords();
  // Strict durability: like a confirmation, the re-queued record must be on disk before the list says so.
  const sendToReview = useCallback((recordId: string) => sendToCenterReview(store.strictDb, recordId), [store]);
  const resend = useCallback((recordId: string) => resendAsIs(store.strictDb, recordId), [store]);
  const sameStudent = useCallback((recordId: string) => confirmSameStudent(store.strictDb, recordId), [store]);
  return { records, sendToReview, resendAsIs: resend, sameStudent };
}
