import { Link } from '../components/Link';
import { paths } from '../paths';
import { useEvictionWarning } from './useEvictionWarning';
import { EVICTION_WARNING } from '../services/evictionWarning';

/** The warning shown above every screen while unsynced records are more than 5 days old. */
export function EvictionBanner() {
  if (!useEvictionWarning()) return null;
  return (
    <p class="notice notice-warning" role="status">
      {EVICTION_WARNING}. <Link href={paths.backup()}>Export a backup</Link>
    </p>
  );
}
