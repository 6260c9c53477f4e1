import { AccountMenu } from './AccountMenu';
import { SyncStatus } from './SyncStatus';

/** What sync puts in the app's top bar: the sync status and who is signed in. */
export function SyncHeader() {
  return (
    <div class="sync-header">
      <SyncStatus />
      <AccountMenu />
    </div>
  );
}
