import type { ComponentChildren } from 'preact';
import { AccountMenu } from './AccountMenu';
import { SyncStatus } from './SyncStatus';

/** What sync puts in the app's top bar: the sync status and the account menu, which also holds `menu`. */
export function SyncHeader({ menu }: { menu?: ComponentChildren }) {
  return (
    <div class="sync-header">
      <SyncStatus />
      <AccountMenu>{menu}</AccountMenu>
    </div>
  );
}
