import { describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../../../src/app/crypto/errors';
import {
  createKeyRecord,
  DEFAULT_ITERATIONS,
  deriveKey,
  keyRecordSchema,
  newKdfParams,
  rekey,
  unlockKey,
} from '../../../src/app/crypto/keys';
import { open, seal } from '../../../src/app/crypto/seal';
import { base64ToBytes } from '../../../src/app/crypto/base64';
import { PASSPHRASE, TEST_ITERATIONS } from './helpers';

describe('key derivation and the key record', () => {
  it('defaults to at least 600,000 PBKDF2 iterations in production', () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(newKdfParams().iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('makes a random 16-byte salt for every new key', () => {
    const a = newKdfParams(TEST_ITERATIONS);
    const b = newKdfParams(TEST_ITERATIONS);
    expect(base64ToBytes(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  it('derives the same non-extractable AES-GCM key from the same passphrase and salt', async () => {
    const kdf = newKdfParams(TEST_ITERATIONS);
    const first = await deriveKey(PASSPHRASE, kdf);
    const second = await deriveKey(PASSPHRASE, kdf);
    expect(first.extractable).toBe(false);
    expect(first.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(await open(second, await seal(first, 'hello', 'c'), 'c')).toBe('hello');
    await expect(crypto.subtle.exportKey('raw', first)).rejects.toThrow();
  });

  it('derives the same key from differently composed Unicode forms of one passphrase', async () => {
    const kdf = newKdfParams(TEST_ITERATIONS);
    const composed = await deriveKey('caf\u00e9 con leche', kdf);
    const decomposed = await deriveKey('cafe\u0301 con leche', kdf);
    expect(await open(decomposed, await seal(composed, 1, 'c'), 'c')).toBe(1);
  });

  it('stores salt, iterations and wrapped key, and unlocks the same data key with the passphrase', async () => {
    const { key, record } = await createKeyRecord(PASSPHRASE, TEST_ITERATIONS);
    expect(keyRecordSchema.parse(record)).toEqual(record);
    expect(record.kdf.iterations).toBe(TEST_ITERATIONS);
    expect(key.extractable).toBe(false);
    const unlocked = await unlockKey(PASSPHRASE, record);
    expect(unlocked.extractable).toBe(false);
    expect(await open(unlocked, await seal(key, { a: 1 }, 'c'), 'c')).toEqual({ a: 1 });
  });

  it('reports a wrong passphrase as WrongPassphraseError', async () => {
    const { record } = await createKeyRecord(PASSPHRASE, TEST_ITERATIONS);
    await expect(unlockKey('correct horse battery stapler', record)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('rekey: the new passphrase opens the same data key, the old one no longer does', async () => {
    const { key, record } = await createKeyRecord(PASSPHRASE, TEST_ITERATIONS);
    const sealedBefore = await seal(key, 'record made before the change', 'c');
    const next = await rekey(PASSPHRASE, 'a brand new passphrase', record, TEST_ITERATIONS * 2);
    expect(next.kdf.salt).not.toBe(record.kdf.salt);
    expect(next.kdf.iterations).toBe(TEST_ITERATIONS * 2);
    await expect(unlockKey(PASSPHRASE, next)).rejects.toBeInstanceOf(WrongPassphraseError);
    const reopened = await unlockKey('a brand new passphrase', next);
    expect(await open(reopened, sealedBefore, 'c')).toBe('record made before the change');
  });

  it('rekey refuses a wrong old passphrase', async () => {
    const { record } = await createKeyRecord(PASSPHRASE, TEST_ITERATIONS);
    await expect(rekey('not the passphrase!', 'whatever new one', record, TEST_ITERATIONS)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('detects a tampered wrapped key as a wrong passphrase rather than opening garbage', async () => {
    const { record } = await createKeyRecord(PASSPHRASE, TEST_ITERATIONS);
    const tampered = { ...record, kdf: { ...record.kdf, iterations: record.kdf.iterations + 1 } };
    await expect(unlockKey(PASSPHRASE, tampered)).rejects.toBeInstanceOf(WrongPassphraseError);
  });
});
