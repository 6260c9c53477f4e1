/**
 * Every open form registers its flush here, so app-wide moments that must not
 * lose typing (an update about to reload the page) can write everything first.
 */
type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

/** Registers a form's flush; returns the function that unregisters it. */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Writes every form's pending typing; resolves true only when all of it is stored. */
export async function flushAllDrafts(): Promise<boolean> {
  const results = await Promise.all(Array.from(flushes, (flush) => flush()));
  return results.every(Boolean);
}
