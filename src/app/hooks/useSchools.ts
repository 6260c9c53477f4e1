/** The schools on this tablet, live, with a name lookup. */
import { useMemo } from 'preact/hooks';
import { useServices } from './context';
import { useLiveQuery } from './useLiveQuery';
import { listSchools } from '../db/schools';
import type { School } from '../../shared/protocol';

/** Schools by name, plus an id-to-name map; `loaded` is false until the first read. */
export function useSchools(): { schools: School[]; names: Map<string, string>; loaded: boolean } {
  const { store } = useServices();
  const result = useLiveQuery(() => listSchools(store.db), [store]);
  const schools = result.status === 'ready' ? result.data : [];
  const names = useMemo(() => new Map(schools.map((s) => [s.id, s.name])), [schools]);
  return { schools, names, loaded: result.status !== 'loading' };
}
