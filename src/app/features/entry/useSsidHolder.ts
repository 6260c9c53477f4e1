/** "Already used by …" and "the center has this student with another SSID": looked up as the SSID is typed. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { findHeldSsid, findSsidHolder } from '../../db/ssidLookup';
import type { HeldSsid } from '../../../shared/returning-student';
import type { StudentIdentity } from '../../../shared/same-student';
import { checkSsid } from '../../../shared/ssid';

/** What the tablet knows about a typed SSID beyond its shape. */
export interface SsidLookup {
  /** Who else (not the paper's own student) holds it. */
  holder: string | null;
  /** The other SSID the center holds for the student the paper names. */
  held: HeldSsid | null;
}

const NOTHING: SsidLookup = { holder: null, held: null };

/** Looks up `ssid` once it is a valid 10-digit number: who else holds it, and (by `identity`) whether the paper's student has another. */
export function useSsidHolder(ssid: string, recordId: string, studentId: string, identity?: StudentIdentity): SsidLookup {
  const { store } = useServices();
  const [lookup, setLookup] = useState<SsidLookup>(NOTHING);
  const value = checkSsid(ssid).value;
  // Strings, not the object, so the lookup runs again only when one of them changes.
  const { firstName: first, middleName: middle = '', lastName: last = '', dateOfBirth: born = '' } = identity ?? {};
  useEffect(() => {
    if (value === null) {
      setLookup(NOTHING);
      return;
    }
    let current = true;
    const paper = first === undefined ? undefined : { firstName: first, middleName: middle, lastName: last, dateOfBirth: born };
    const self = { recordId, studentId, ...(paper ? { identity: paper } : {}) };
    Promise.all([findSsidHolder(store.db, value, self), paper ? findHeldSsid(store.db, value, paper) : null])
      .then(([holder, held]) => {
        if (current) setLookup({ holder, held });
      })
      .catch((error: unknown) => {
        // A lookup outliving its form (database closed, SSID retyped) has nobody to tell.
        if (!current) return;
        // The warnings are a help, not a gate: without them the advisor can still type and confirm.
        console.warn('SSID lookup failed', error instanceof Error ? error.name : typeof error);
        setLookup(NOTHING);
      });
    return () => {
      current = false;
    };
  }, [store, value, recordId, studentId, first, middle, last, born]);
  return lookup;
}
