/** The students screens, as routes the app adds to its own (fixed paths before /students/:id). */
import type { Route } from '../../routes';
import { STUDENT_PATHS, type RecordPage } from '../../hooks/students/paths';
import { lazyScreen } from '../lazyScreen';

// Each screen is its own chunk, fetched when first opened (the school return brings papaparse).
const ApprovalsScreen = lazyScreen(() => import('./ApprovalsScreen').then((m) => m.ApprovalsScreen));
const SchoolReturnScreen = lazyScreen(() => import('./SchoolReturnScreen').then((m) => m.SchoolReturnScreen));
const SsidRequestScreen = lazyScreen(() => import('./SsidRequestScreen').then((m) => m.SsidRequestScreen));
const StudentRecordScreen = lazyScreen(() => import('./StudentRecordScreen').then((m) => m.StudentRecordScreen));
const StudentsScreen = lazyScreen(() => import('./StudentsScreen').then((m) => m.StudentsScreen));

const recordPage = (page: RecordPage): Route => ({
  pattern: page === '' ? '/students/:studentId' : `/students/:studentId/${page}`,
  render: (p) => <StudentRecordScreen studentId={p.studentId!} page={page} />,
});

export const STUDENT_ROUTES: readonly Route[] = [
  { pattern: STUDENT_PATHS.students(), render: () => <StudentsScreen /> },
  { pattern: STUDENT_PATHS.requestList(), render: () => <SsidRequestScreen /> },
  { pattern: STUDENT_PATHS.schoolReturn(), render: () => <SchoolReturnScreen /> },
  { pattern: STUDENT_PATHS.approvals(), render: () => <ApprovalsScreen /> },
  recordPage(''),
  recordPage('record-information'),
  recordPage('enrollments'),
];
