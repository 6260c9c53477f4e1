/** JSON the server stored itself, read back: text that does not parse reads as nothing, for the caller's schema to refuse. */
export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
