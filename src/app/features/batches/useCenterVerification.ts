/** The center's setting for verification by a second keyer as last pulled, live (the new batch form's switch follows it). */
import { useServices } from '../../hooks/context';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { readCenterVerification } from '../../db/meta';
import { NO_VERIFICATION_POLICY, type CenterVerification } from '../../../shared/verification-policy';

/** The setting, and whether it has been read yet. */
export function useCenterVerification(): { setting: CenterVerification; loaded: boolean } {
  const { store } = useServices();
  const result = useLiveQuery(() => readCenterVerification(store.db), [store]);
  return { setting: result.status === 'ready' ? result.data : NO_VERIFICATION_POLICY, loaded: result.status !== 'loading' };
}
