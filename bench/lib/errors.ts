/** Error wording for the results table: short, one line, without terminal colours. */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The first `lines` non-empty lines of an error's message, joined. */
export function describeError(error: unknown, lines = 1): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(ANSI, '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, lines).join(' ');
}
