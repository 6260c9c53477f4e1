import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../src/app/crypto/base64';
import { SealBrokenError } from '../../../src/app/crypto/errors';
import { open, seal, sealedSchema, type Sealed } from '../../../src/app/crypto/seal';
import { randomKey } from './helpers';

function flipByte(sealed: Sealed, index: number): Sealed {
  const bytes = base64ToBytes(sealed.data);
  bytes[index] = bytes[index]! ^ 0x01;
  return { ...sealed, data: bytesToBase64(bytes) };
}

describe('seal and open', () => {
  it('round-trips a JSON value under the same key and context', async () => {
    const key = await randomKey();
    const value = { firstName: 'José', tags: ['a', 'b'], n: 3, nested: { ok: true } };
    const sealed = await seal(key, value, 'applications/1');
    expect(sealedSchema.parse(sealed)).toEqual(sealed);
    expect(await open(key, sealed, 'applications/1')).toEqual(value);
  });

  it('does not leave the plaintext visible in the stored blob', async () => {
    const sealed = await seal(await randomKey(), { ssid: '1234567890' }, 'applications/1');
    expect(JSON.stringify(sealed)).not.toContain('1234567890');
    expect(atob(sealed.data)).not.toContain('1234567890');
  });

  it('uses a fresh IV every time, so equal values seal differently', async () => {
    const key = await randomKey();
    const a = await seal(key, 'same', 'c');
    const b = await seal(key, 'same', 'c');
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses a blob with any flipped byte (ciphertext or tag)', async () => {
    const key = await randomKey();
    const sealed = await seal(key, { lastName: 'Reyes' }, 'applications/1');
    const length = base64ToBytes(sealed.data).length;
    for (const index of [0, Math.floor(length / 2), length - 1]) {
      await expect(open(key, flipByte(sealed, index), 'applications/1')).rejects.toBeInstanceOf(SealBrokenError);
    }
  });

  it('refuses a blob moved to another record (AAD binds the context)', async () => {
    const key = await randomKey();
    const sealed = await seal(key, { lastName: 'Reyes' }, 'applications/1');
    await expect(open(key, sealed, 'applications/2')).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses a blob sealed under another key', async () => {
    const sealed = await seal(await randomKey(), 'x', 'c');
    await expect(open(await randomKey(), sealed, 'c')).rejects.toBeInstanceOf(SealBrokenError);
  });

  it('refuses to seal something that is not JSON, and says so', async () => {
    await expect(seal(await randomKey(), undefined, 'c')).rejects.toThrow(new TypeError('Only JSON values can be sealed.'));
  });

  it('reads a stored blob whose IV is not 12 bytes as not a sealed value, so its row is set aside', async () => {
    const sealed = await seal(await randomKey(), { lastName: 'Reyes' }, 'applications/1');
    for (const length of [11, 13]) {
      const result = sealedSchema.safeParse({ ...sealed, iv: bytesToBase64(new Uint8Array(length)) });
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['iv', 'The IV must be 12 bytes.']]);
    }
  });

  it('reports a key that may not decrypt as itself, not as a broken record', async () => {
    // Only a failed authentication means the blob is broken; any other failure is the caller's, and the record stays good.
    const encryptOnly = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const sealed = await seal(encryptOnly, { lastName: 'Reyes' }, 'applications/1');
    const error: unknown = await open(encryptOnly, sealed, 'applications/1').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SealBrokenError);
    expect(error).toMatchObject({ name: 'InvalidAccessError' });
  });

  it('round-trips a value larger than one base64 chunk', async () => {
    const key = await randomKey();
    const big = 'é'.repeat(100_000);
    expect(await open(key, await seal(key, big, 'c'), 'c')).toBe(big);
  });
});
