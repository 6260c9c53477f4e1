/** What the routes need from outside: built once by buildServer. */
import type { DatabaseHandle } from './db/connect';

export interface ServerDeps {
  handle: DatabaseHandle;
  /** Root of the per-center SSID hash keys. */
  serverSecret: string;
  sessionTtlDays: number;
}
