/** Starting a new stack of paper. */
import { useCallback, useState } from 'preact/hooks';
import { useServices } from '../../hooks/context';
import { createBatch, type NewBatch } from '../../db/batches';
import type { LocalBatch } from '../../db/schema';
import { describeSaveError } from '../../db/storageErrors';

/** Creates batches; `error` holds the last failure, in words. */
export function useCreateBatch(): { create: (input: NewBatch) => Promise<LocalBatch | null>; error: string | null } {
  const { store } = useServices();
  const [error, setError] = useState<string | null>(null);
  const create = useCallback(
    async (input: NewBatch) => {
      setError(null);
      try {
        return await createBatch(store.db, input);
      } catch (e) {
        setError(describeSaveError(e));
        return null;
      }
    },
    [store],
  );
  return { create, error };
}
