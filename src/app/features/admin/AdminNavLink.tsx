import { Link } from '../../components/Link';
import { isWithin, paths } from '../../paths';
import { useLocation } from '../../hooks/useLocation';
import { useSession } from '../../hooks/useSession';

/** "Center" in the main navigation, for center administrators only. */
export function AdminNavLink() {
  const { session } = useSession();
  const { path } = useLocation();
  if (session?.user.role !== 'center_admin') return null;
  return (
    <Link href={paths.centerAccounts()} current={isWithin(path, paths.centerAccounts())}>
      Center
    </Link>
  );
}
