/** The online student calls for components' hooks, over the app's store and API client. */
import { useMemo } from 'preact/hooks';
import { useServices } from './context';
import { useSyncServices } from '../sync/context';
import { createStudentCalls, type StudentCalls } from '../sync/students';

/** fetchStudentRecord, fetchPendingEnrollments and approveEnrollment, stable across renders. */
export function useStudentCalls(): StudentCalls {
  const { store } = useServices();
  const { api } = useSyncServices();
  return useMemo(() => createStudentCalls(store.db, api), [store.db, api]);
}
