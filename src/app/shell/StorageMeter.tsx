import { useStorageEstimate } from './useStorageEstimate';
import { formatBytes } from '../model/format';

/** Space used and available on this tablet, with a warning when it runs low. */
export function StorageMeter() {
  const estimate = useStorageEstimate();
  if (!estimate || estimate.quota === 0) return null;
  const share = estimate.usage / estimate.quota;
  return (
    <p class={share > 0.9 ? 'storage storage-low' : 'storage'}>
      Storage: {formatBytes(estimate.usage)} used of {formatBytes(estimate.quota)} available
      {share > 0.9 ? ' — almost full: sync and free some space.' : ''}
      {estimate.persisted ? ' · kept on this tablet' : ''}
    </p>
  );
}
