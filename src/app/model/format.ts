/** Small formatting helpers for the screens. */

/** Bytes in words: "1.2 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A timestamp as a short local date and time. */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** A student's name as lists show it: "Last, First", or a placeholder for a blank form. */
export function listName(fields: { firstName: string; lastName: string }): string {
  const first = fields.firstName.trim();
  const last = fields.lastName.trim();
  if (!first && !last) return '(no name yet)';
  return last && first ? `${last}, ${first}` : last || first;
}
