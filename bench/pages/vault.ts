/**
 * Opening the app's store as an advisor would find it: encryption at rest on,
 * vault set up and unlocked with a passphrase (not timed: it is the once-a-day
 * PBKDF2 cost, not a per-operation one).
 */
import { openStore, type Store } from '../../src/app/db/connection';

/** The bench advisor's passphrase; it meets the app's passphrase rules. */
export const BENCH_PASSPHRASE = 'bench tablet passphrase 2025';

/** A fresh store named `name`, its vault set up and unlocked. */
export async function openUnlockedStore(name: string): Promise<Store> {
  const store = await openStore(name);
  await store.vault.setup(BENCH_PASSPHRASE);
  return store;
}
