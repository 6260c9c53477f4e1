import { STUDENT_PATHS } from '../../hooks/students/paths';
import { Link } from '../Link';

/** The center's SSID work, one tap from the students list. */
export function StudentsTools() {
  return (
    <nav aria-label="Student tools" class="students-tools">
      <Link href={STUDENT_PATHS.requestList()} class="button">
        SSID request list
      </Link>
      <Link href={STUDENT_PATHS.schoolReturn()} class="button">
        Load a school’s return
      </Link>
      <Link href={STUDENT_PATHS.approvals()} class="button">
        Pending approvals
      </Link>
    </nav>
  );
}
