/**
 * Encryption for the unload journal, which must be written synchronously at
 * pagehide, when WebCrypto (asynchronous) cannot run. While the vault is
 * unlocked a keystream is made ahead of time from the data key, and the journal
 * is XORed with a part of it that is never used again. After the next unlock
 * the same keystream is made again from the stored IV and offset, and XOR
 * gives the typing back.
 *
 * The keystream is AES-GCM's own counter-mode keystream: encrypting zeros under
 * the data key with a fresh random 12-byte IV yields AES-CTR output starting
 * at counter block IV || 2 (the data key is an AES-GCM key and cannot be used
 * with AES-CTR directly). Each IV is random and each byte of its stream is used
 * once, so no two pieces of typing are ever XORed with the same bytes. There is
 * no tag: the journal lives in this tab's sessionStorage, so only code already
 * running in the app could change it; what is recovered is still parsed and
 * validated before it is stored.
 */
import { z } from 'zod/mini';
import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import type { Vault } from './vault';

const IV_BYTES = 12;
/**
 * Room for dozens of forms (one is about 1.5 KB of JSON). Making it took 7.7 ms p50 in Node on this
 * (loaded) 2-core machine; it runs asynchronously after the unlock, never while the advisor types.
 */
const STREAM_BYTES = 256 * 1024;
/** Below this much unused keystream a new one is made, so the next unload still finds room. */
const REFILL_BELOW = 64 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A journal entry as stored: which keystream (IV) and where in it, and the XORed UTF-8 text. */
export const journalEntrySchema = z.object({
  v: z.literal(2),
  iv: z.base64().check(z.refine((s) => base64ToBytes(s).length === IV_BYTES, 'The IV must be 12 bytes.')),
  offset: z.int().check(z.minimum(0), z.maximum(STREAM_BYTES)),
  data: z.base64(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The first `length` bytes of the counter-mode keystream for `iv` under `key`. */
async function keystream(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, length: number): Promise<Uint8Array> {
  const out = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(length));
  // The last 16 bytes are GCM's tag, not keystream.
  return new Uint8Array(out, 0, length);
}

function xor(data: Uint8Array, stream: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ stream[i]!;
  return out;
}

/** Seals journal text synchronously with keystream made while the vault was unlocked. */
export class JournalSealer {
  private stream: { iv: Uint8Array<ArrayBuffer>; bytes: Uint8Array; used: number } | null = null;
  private making: Promise<void> = Promise.resolve();

  constructor(private readonly vault: Pick<Vault, 'isUnlocked' | 'key' | 'subscribe'>) {
    vault.subscribe((state) => {
      // Locked: the keystream is as good as the key, so it goes with it.
      if (state.phase === 'unlocked') this.refill();
      else this.stream = null;
    });
    if (vault.isUnlocked()) this.refill();
  }

  /** Resolves once keystream made after the last unlock is ready (for callers that journal right after it). */
  ready(): Promise<void> {
    return this.making;
  }

  /**
   * `text` XORed with keystream never used before, or null when there is none
   * (the vault is locked, or the keystream is still being made after the unlock).
   */
  seal(text: string): JournalEntry | null {
    const stream = this.stream;
    const bytes = encoder.encode(text);
    if (!stream || stream.used + bytes.length > stream.bytes.length) return null;
    const offset = stream.used;
    stream.used += bytes.length;
    if (stream.bytes.length - stream.used < REFILL_BELOW) this.refill();
    return { v: 2, iv: bytesToBase64(stream.iv), offset, data: bytesToBase64(xor(bytes, stream.bytes.subarray(offset))) };
  }

  private refill(): void {
    this.making = this.makeStream().catch((error: unknown) => {
      console.warn('Journal keystream not made', error instanceof Error ? error.name : typeof error);
    });
  }

  private async makeStream(): Promise<void> {
    if (!this.vault.isUnlocked()) return;
    const iv = randomBytes(IV_BYTES);
    const bytes = await keystream(this.vault.key(), iv, STREAM_BYTES);
    // Locked while it was being made: keep nothing.
    if (this.vault.isUnlocked()) this.stream = { iv, bytes, used: 0 };
  }
}

/** The text of a journal entry, with the data key of the vault that sealed it. */
export async function openJournalEntry(key: CryptoKey, entry: JournalEntry): Promise<string> {
  const data = base64ToBytes(entry.data);
  const stream = await keystream(key, base64ToBytes(entry.iv), entry.offset + data.length);
  return decoder.decode(xor(data, stream.subarray(entry.offset)));
}
