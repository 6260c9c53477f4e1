/** The students screens, as routes the app adds to its own (fixed paths before /students/:id). */
import type { Route } from '../../routes';
import { STUDENT_PATHS, type RecordPage } from '../../hooks/students/paths';
import { ApprovalsScreen } from './ApprovalsScreen';
import { SchoolReturnScreen } from './SchoolReturnScreen';
import { SsidRequestScreen } from './SsidRequestScreen';
import { StudentRecordScreen } from './StudentRecordScreen';
import { StudentsScreen } from './StudentsScreen';

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
