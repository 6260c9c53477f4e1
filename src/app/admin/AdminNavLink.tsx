import { Link } from '../components/Link';
import { useLocation } from '../hooks/useLocation';
import { useSession } from '../sync/useSession';
import { ADMIN_PATHS } from './paths';

/** "Center" in the main navigation, for center administrators only. */
export function AdminNavLink() {
  const { session } = useSession();
  const { path } = useLocation();
  if (session?.user.role !== 'center_admin') return null;
  return (
    <Link href={ADMIN_PATHS.accounts()} current={path === ADMIN_PATHS.accounts() || path.startsWith(`${ADMIN_PATHS.accounts()}/`)}>
      Center
    </Link>
  );
}
