/** The outcome of one timed upload of the benchmark records, ours or the peer's. */
export interface SyncRun {
  wallMs: number;
  /** Bytes on the wire, browser to server. */
  upBytes: number;
  /** Bytes on the wire, server to browser. */
  downBytes: number;
  /** Records the server holds afterwards: a run that lost records does not count. */
  stored: number;
}
