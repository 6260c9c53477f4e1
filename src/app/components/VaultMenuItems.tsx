import { Link } from './Link';
import { LockButton } from './LockButton';
import { BACKUP_PATH } from '../hooks/useBackup';

/** The app lock's items in the account menu: the backup screen and "Lock now". */
export function VaultMenuItems() {
  return (
    <>
      <Link href={BACKUP_PATH} class="button">
        Backup
      </Link>
      <LockButton />
    </>
  );
}
