import { Link } from './Link';
import { LockButton } from './LockButton';
import { BACKUP_PATH } from '../hooks/useBackup';

/** The app lock's part of the top bar: the backup screen and "Lock now". */
export function VaultHeader() {
  return (
    <div class="vault-header">
      <Link href={BACKUP_PATH}>Backup</Link>
      <LockButton />
    </div>
  );
}
