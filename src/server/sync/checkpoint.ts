/**
 * Pull checkpoints: opaque to the tablet. Inside, the change number reached and
 * a fingerprint of the center's SSID key: if the server secret changes, an old
 * checkpoint restarts the pull from the beginning so every roster hash is re-sent.
 */
import { Problem } from '../http/problem';

export interface Checkpoint {
  seq: number;
  keyId: string;
}

/** The opaque string for `checkpoint`. */
export function encodeCheckpoint(checkpoint: Checkpoint): string {
  return Buffer.from(`v1:${checkpoint.seq}:${checkpoint.keyId}`).toString('base64url');
}

/** Reads a checkpoint the server made; absent means from the beginning; anything else is a bad request. */
export function decodeCheckpoint(value: string | undefined): Checkpoint | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^v1:(\d{1,15}):([0-9a-f]{1,64})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new Problem('badRequest', [{ field: 'checkpoint', message: 'Not a checkpoint this server made.' }]);
  return { seq: Number(match[1]), keyId: match[2]! };
}
