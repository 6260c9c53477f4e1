/** "Already used by …" and "the center has this student with another SSID": looked up as the SSID is typed. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { loadSsidLookups } from '../../db/ssidLookup';
import type { SsidKnowledge } from '../../model/recordValidation';
import type { StudentIdentity } from '../../../shared/same-student';
import { checkSsid } from '../../../shared/ssid';

const NOTHING: SsidKnowledge = {};

/** Once `ssid` is a valid 10-digit number: who else (not the paper's own student, by `identity`) holds it, and the center's other SSID for that student. */
export function useSsidHolder(ssid: string, recordId: string, studentId: string, identity?: StudentIdentity): SsidKnowledge {
  const { store } = useServices();
  const [known, setKnown] = useState<SsidKnowledge>(NOTHING);
  const value = checkSsid(ssid).value;
  // Strings, not the object, so the lookup runs again only when one of them changes.
  const { firstName: first, middleName: middle = '', lastName: last = '', dateOfBirth: born = '' } = identity ?? {};
  useEffect(() => {
    if (value === null) {
      setKnown(NOTHING);
      return;
    }
    let current = true;
    const self = { recordId, studentId, ...(first === undefined ? {} : { identity: { firstName: first, middleName: middle, lastName: last, dateOfBirth: born } }) };
    loadSsidLookups(store.db)
      .then((lookups) => lookups.knowledge(value, self))
      .then((found) => {
        if (current) setKnown(found);
      })
      .catch((error: unknown) => {
        // A lookup outliving its form (database closed, SSID retyped) has nobody to tell.
        if (!current) return;
        // The form's warnings are a help; confirming looks the SSID up again (db/applications.ts).
        console.warn('SSID lookup failed', error instanceof Error ? error.name : typeof error);
        setKnown(NOTHING);
      });
    return () => {
      current = false;
    };
  }, [store, value, recordId, studentId, first, middle, last, born]);
  return known;
}
