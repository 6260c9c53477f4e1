/**
 * A stored row written out so that two rows with the same fingerprint hold the
 * same values (types included: 1 and "1", null and undefined, NaN all differ),
 * so a verdict about one is a verdict about the other. Null for a row holding
 * anything but plain data (a Date, a typed array...): such a row is opened every time.
 */
export function rowFingerprint(value: unknown): string | null {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // String() writes NaN and the infinities; -0 is told apart from 0.
      return Object.is(value, -0) ? '#-0' : `#${String(value)}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object':
      return Array.isArray(value) ? arrayFingerprint(value) : objectFingerprint(value);
    default:
      return null;
  }
}

function arrayFingerprint(items: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return null;
    const part = rowFingerprint(items[i]);
    if (part === null) return null;
    parts.push(part);
  }
  return `[${parts.join(',')}]`;
}

function objectFingerprint(value: object): string | null {
  if (Object.getPrototypeOf(value) !== Object.prototype) return null;
  const parts: string[] = [];
  for (const [name, item] of Object.entries(value)) {
    const part = rowFingerprint(item);
    if (part === null) return null;
    parts.push(`${JSON.stringify(name)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}
