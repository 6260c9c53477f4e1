/**
 * The decrypted side of sealed rows, kept in memory for one vault: each entry is
 * keyed by the row's id and a fingerprint of its seals (a fresh IV on every
 * write), so a re-read decrypts only rows that changed. Everything is dropped
 * the moment the vault locks. Applications and the roster both read through it.
 *
 * A row being opened is shared too: right after an unlock the header's count of
 * rows needing a fix, the records list and its first screenful all read the
 * same rows at once, and each row is decrypted once for all of them.
 */
import type { Vault } from '../crypto/vault';

/** Decrypted parts by row id, valid while the row's seal fingerprint is unchanged. */
export class SealedCache<Part> {
  private readonly entries = new Map<string, { seal: string; part: Part }>();
  private readonly opening = new Map<string, { seal: string; part: Promise<Part> }>();

  constructor(private readonly vault: Vault) {
    vault.subscribe((state) => {
      if (state.phase !== 'unlocked') {
        this.entries.clear();
        this.opening.clear();
      }
    });
  }

  /** The part for `id` at `seal`, decrypted with `open` only when neither cached nor being opened at that seal. */
  async get(id: string, seal: string, open: () => Promise<Part>): Promise<Part> {
    const cached = this.entries.get(id);
    if (cached?.seal === seal) return cached.part;
    const pending = this.opening.get(id);
    if (pending?.seal === seal) return pending.part;
    const part = open();
    this.opening.set(id, { seal, part });
    try {
      const opened = await part;
      this.remember(id, seal, opened);
      return opened;
    } finally {
      if (this.opening.get(id)?.part === part) this.opening.delete(id);
    }
  }

  /** Records a part this tab just sealed, so the next read needs no decryption. */
  remember(id: string, seal: string, part: Part): void {
    if (this.vault.isUnlocked()) this.entries.set(id, { seal, part });
  }

  /** Forgets rows no longer in the table, after a read of the whole table. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}
