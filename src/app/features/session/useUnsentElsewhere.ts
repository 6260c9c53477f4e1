/** The sign-in's warning about the user's other tablets whose records have not arrived, live from meta. */
import { useCallback } from 'preact/hooks';
import type { UnsentElsewhere } from '../../../shared/protocol';
import { useServices } from '../../hooks/context';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { forgetUnsentElsewhere, readUnsentElsewhere } from '../../db/meta';

/** The warnings still shown, and a way to hide one once the advisor has dealt with it. */
export function useUnsentElsewhere(): { warnings: UnsentElsewhere[]; hide: (deviceId: string) => Promise<void> } {
  const { store } = useServices();
  const result = useLiveQuery(() => readUnsentElsewhere(store.db), [store]);
  const hide = useCallback((deviceId: string) => forgetUnsentElsewhere(store.db, deviceId), [store]);
  return { warnings: result.status === 'ready' ? result.data : [], hide };
}
