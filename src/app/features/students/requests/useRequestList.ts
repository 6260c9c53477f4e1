/** One school's SSID request list, from the local roster: rows to print and a CSV to download, offline. */
import { useMemo } from 'preact/hooks';
import { useServices } from '../../../hooks/context';
import { useBlobDownload, type FileDownload } from '../../../hooks/useBlobDownload';
import { useLiveQuery, type LiveResult } from '../../../hooks/useLiveQuery';
import { localIsoDate } from '../../../model/today';
import { requestListCsv, requestListFileName, requestRows, type RequestRow, type RequestStudent } from '../../../../shared/request-list';
import { requestStudentFrom, schoolRoster } from '../../../../shared/roster-students';
import { readKnownStudents } from '../rosterData';

/** The list's rows (students without an SSID, sorted) and its CSV download; null until a school is chosen. */
export function useRequestList(schoolId: string, schoolName: string): {
  rows: LiveResult<RequestRow[]>;
  download: FileDownload | null;
} {
  const { store } = useServices();
  const result = useLiveQuery(async (): Promise<{ schoolId: string; students: RequestStudent[] }> => {
    if (schoolId === '') return { schoolId, students: [] };
    const known = await readKnownStudents(store.db);
    const local = new Map(known.map((k) => [k.entry.studentId, k.local]));
    // A student with an SSID update queued already has their number from the school.
    const waiting = known.filter((k) => !k.entry.pendingSsidLast4).map((k) => k.entry);
    return { schoolId, students: schoolRoster(waiting, schoolId).map((e) => requestStudentFrom(e, local.get(e.studentId))) };
  }, [store, schoolId]);

  // A live query keeps its last answer while the next runs: the previous school's is not this one's.
  const data = result.status === 'ready' && result.data.schoolId === schoolId ? result.data.students : null;
  const rows = useMemo((): LiveResult<RequestRow[]> => {
    if (result.status === 'error') return result;
    return data ? { status: 'ready', data: requestRows(data) } : { status: 'loading' };
  }, [result, data]);
  const csv = useMemo(() => (data && schoolId !== '' ? requestListCsv(data) : null), [data, schoolId]);
  const download = useBlobDownload(csv, requestListFileName(schoolName, localIsoDate()));
  return { rows, download };
}
