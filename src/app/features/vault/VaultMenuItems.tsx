import { Link } from '../../components/Link';
import { LockButton } from './LockButton';
import { paths } from '../../paths';

/** The app lock's items in the account menu: the backup screen and "Lock now". */
export function VaultMenuItems() {
  return (
    <>
      <Link href={paths.backup()} class="button">
        Backup
      </Link>
      <LockButton />
    </>
  );
}
