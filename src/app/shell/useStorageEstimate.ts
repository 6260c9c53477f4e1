/** Space used and available, refreshed now and then and after saves settle. */
import { useEffect, useState } from 'preact/hooks';
import { estimateStorage, type StorageEstimate } from '../db/storage';

const REFRESH_MS = 30_000;

/** The browser's storage estimate, or null where it cannot tell. */
export function useStorageEstimate(): StorageEstimate | null {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () => {
      estimateStorage()
        .then((e) => {
          if (current) setEstimate(e);
        })
        .catch((error: unknown) => {
          console.warn('Storage estimate failed', error instanceof Error ? error.name : typeof error);
        });
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return estimate;
}
