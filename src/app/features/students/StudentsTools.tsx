import { Link } from '../../components/Link';
import { paths } from '../../paths';

/** The center's SSID work, one tap from the students list. */
export function StudentsTools() {
  return (
    <nav aria-label="Student tools" class="students-tools">
      <Link href={paths.requestList()} class="button">
        SSID request list
      </Link>
      <Link href={paths.schoolReturn()} class="button">
        Load a school’s return
      </Link>
      <Link href={paths.approvals()} class="button">
        Pending approvals
      </Link>
    </nav>
  );
}
