/**
 * One student's record: what this tablet's roster and applications hold
 * (live, offline) and the server's record (the whole SSID, who confirmed it,
 * its history and the enrollments), fetched when there is a connection.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import { useServices } from '../../../hooks/context';
import { useLiveQuery, type LiveResult } from '../../../hooks/useLiveQuery';
import { listApplications } from '../../../db/applications';
import { readRosterEntry } from '../../../db/roster';
import type { LocalApplication, LocalRosterEntry } from '../../../db/schema';
import { ApiError } from '../../../sync/api';
import { SyncContext } from '../../../sync/context';
import { createStudentCalls } from '../../../sync/students';
import type { StudentRecord } from '../../../../shared/protocol';
import { describeOnlineFailure } from '../../../hooks/onlineFailure';

/** What the tablet holds about the student. */
export interface LocalStudent {
  entry: LocalRosterEntry | undefined;
  applications: LocalApplication[];
}

/** The server's record, or why it is not here. */
export type OnlineRecord =
  | { status: 'loading' }
  | { status: 'ready'; record: StudentRecord }
  | { status: 'not-found' }
  | { status: 'offline' | 'error'; message: string };

/** The student's local data (live) and the server's record (fetched once per visit). */
export function useStudentRecord(studentId: string): { local: LiveResult<LocalStudent | null>; online: OnlineRecord } {
  const { store } = useServices();
  const sync = useContext(SyncContext);
  const local = useLiveQuery(async () => {
    const [entry, applications] = await Promise.all([
      // Through the roster module: it reads sealed (encrypted) rows too.
      readRosterEntry(store.db, studentId),
      // Through the applications module: it reads sealed (encrypted) rows too.
      listApplications(store.db).then((apps) => apps.filter((a) => a.studentId === studentId)),
    ]);
    if (!entry && applications.length === 0) return null;
    return { entry: entry?.deleted ? undefined : entry, applications };
  }, [store, studentId]);

  const [online, setOnline] = useState<OnlineRecord>({ status: 'loading' });
  useEffect(() => {
    if (!sync) {
      setOnline({ status: 'offline', message: 'This screen is not connected to the server.' });
      return;
    }
    let current = true;
    setOnline({ status: 'loading' });
    createStudentCalls(store.db, sync.api)
      .fetchStudentRecord(studentId)
      .then((record) => {
        if (current) setOnline({ status: 'ready', record });
      })
      .catch((error: unknown) => {
        if (!current) return;
        setOnline(error instanceof ApiError && error.status === 404 ? { status: 'not-found' } : describeOnlineFailure(error));
      });
    return () => {
      current = false;
    };
  }, [store, sync, studentId]);

  return { local, online };
}
