/** "Already used by …": looks up who else holds the typed SSID, as it is typed. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { findSsidHolder } from '../../db/ssidLookup';
import type { StudentIdentity } from '../../../shared/same-student';
import { checkSsid } from '../../../shared/ssid';

/** Who else (not the paper's own student, by `identity`) holds `ssid` once it is a valid 10-digit number, or null. */
export function useSsidHolder(ssid: string, recordId: string, studentId: string, identity?: StudentIdentity): string | null {
  const { store } = useServices();
  const [holder, setHolder] = useState<string | null>(null);
  const value = checkSsid(ssid).value;
  // Strings, not the object, so the lookup runs again only when one of them changes.
  const { firstName: first, middleName: middle = '', lastName: last = '', dateOfBirth: born = '' } = identity ?? {};
  useEffect(() => {
    if (value === null) {
      setHolder(null);
      return;
    }
    let current = true;
    const self = { recordId, studentId, ...(first === undefined ? {} : { identity: { firstName: first, middleName: middle, lastName: last, dateOfBirth: born } }) };
    findSsidHolder(store.db, value, self)
      .then((found) => {
        if (current) setHolder(found);
      })
      .catch((error: unknown) => {
        // A lookup outliving its form (database closed, SSID retyped) has nobody to tell.
        if (!current) return;
        // The warning is a help, not a gate: without it the advisor can still type and confirm.
        console.warn('SSID lookup failed', error instanceof Error ? error.name : typeof error);
        setHolder(null);
      });
    return () => {
      current = false;
    };
  }, [store, value, recordId, studentId, first, middle, last, born]);
  return holder;
}
