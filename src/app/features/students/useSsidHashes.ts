/** Roster hashes of SSIDs the advisor has in hand (typed in a search, read from a school's file). */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import type { MesaDb } from '../../db/schema';
import { hashSsid } from '../../db/ssidLookup';
import { readSsidKey } from '../../db/meta';

/**
 * Each SSID's HMAC under the center's roster key, so it can be compared with a
 * roster entry's `ssidHash`; empty before the first pull brought the key.
 */
export async function hashSsids(db: MesaDb, ssids: readonly string[]): Promise<Map<string, string>> {
  const key = await readSsidKey(db);
  if (!key || ssids.length === 0) return new Map();
  const unique = [...new Set(ssids)];
  const hashes = await Promise.all(unique.map((ssid) => hashSsid(key, ssid)));
  return new Map(unique.map((ssid, i) => [ssid, hashes[i]!]));
}

/** The hashes of `ssids`, recomputed when they change. */
export function useSsidHashes(ssids: readonly string[]): ReadonlyMap<string, string> {
  const { store } = useServices();
  const [hashes, setHashes] = useState<ReadonlyMap<string, string>>(new Map());
  const key = ssids.join(',');
  useEffect(() => {
    let current = true;
    hashSsids(store.db, key === '' ? [] : key.split(','))
      .then((found) => {
        if (current) setHashes(found);
      })
      .catch((error: unknown) => {
        // Without the hash, a whole-SSID search finds nobody; the last four digits still work.
        console.warn('SSID hashing failed', error instanceof Error ? error.name : typeof error);
        if (current) setHashes(new Map());
      });
    return () => {
      current = false;
    };
  }, [store, key]);
  return hashes;
}
