import { studentName } from '../labels';
import { RECORD_PAGES, paths, type RecordPage } from '../../../paths';
import { useStudentRecord } from './useStudentRecord';
import { Link } from '../../../components/Link';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { EnrollmentsPage } from './EnrollmentsPage';
import { RecordInformationPage } from './RecordInformationPage';
import { StudentPage } from './StudentPage';
import { ssidWaitsForSecondLook } from '../../../model/secondKeying';
import '../../../styles/students.css';

/**
 * A student's record in pages like the paper: 1. Student, 2. Record
 * information (the CA SSID on its top line, its source and its history),
 * 3. Enrollments. The roster on this tablet fills what it can offline; the
 * whole SSID and its history come from the server.
 */
export function StudentRecordScreen({ studentId, page }: { studentId: string; page: RecordPage }) {
  const { local, online } = useStudentRecord(studentId);
  const entry = local.status === 'ready' ? local.data?.entry : undefined;
  const ssidInSecondLook = local.status === 'ready' && ssidWaitsForSecondLook(local.data?.applications ?? []);
  const serverName = online.status === 'ready' ? online.record : undefined;
  const who = entry ?? serverName;
  const current = RECORD_PAGES.find((p) => p.slug === page) ?? RECORD_PAGES[0];

  if (local.status === 'ready' && !entry && online.status !== 'loading' && online.status !== 'ready') {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <ScreenTitle>Student not found</ScreenTitle>
        <p>This student is not on this tablet’s roster{online.status === 'offline' ? ', and the server cannot be reached to look further' : ''}.</p>
        <Link href={paths.students()} class="button">
          Go to students
        </Link>
      </section>
    );
  }

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenTitle>{who ? studentName(who) : 'Student'}</ScreenTitle>
      <nav aria-label="Record pages" class="record-pages">
        {RECORD_PAGES.map((p) => (
          <Link key={p.slug} href={paths.student(studentId, p.slug)} current={p.slug === current.slug}>
            {p.title}
          </Link>
        ))}
      </nav>
      <section class="record-page" aria-labelledby="record-page-title">
        <h2 id="record-page-title">{current.title}</h2>
        {local.status === 'error' && <p class="notice notice-error">The roster could not be read from this tablet’s storage.</p>}
        {current.slug === '' && <StudentPage local={local.status === 'ready' ? local.data : null} online={online} />}
        {current.slug === 'record-information' && <RecordInformationPage entry={entry ?? null} online={online} ssidInSecondLook={ssidInSecondLook} />}
        {current.slug === 'enrollments' && <EnrollmentsPage online={online} />}
      </section>
    </section>
  );
}
