/** Whether a new version of the app is waiting, and the action that installs it. */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { UpdateChannel } from '../pwa/updates';

export const UpdateContext = createContext<UpdateChannel | null>(null);

/** The update banner's state; inert when no service worker is registered (tests, dev). */
export function useUpdatePrompt(): { waiting: boolean; updating: boolean; problem: string | null; update: () => void } {
  const channel = useContext(UpdateContext);
  const [waiting, setWaiting] = useState(channel?.isWaiting() ?? false);
  const [updating, setUpdating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => channel?.subscribe(setWaiting), [channel]);
  const update = useCallback(() => {
    if (!channel) return;
    setUpdating(true);
    setProblem(null);
    channel
      .applyUpdate()
      .then((result) => {
        if (!result.ok) setProblem(result.reason);
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : 'The update failed.'))
      .finally(() => setUpdating(false));
  }, [channel]);
  return { waiting, updating, problem, update };
}
