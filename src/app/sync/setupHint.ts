/**
 * Whether an empty server may offer its first set-up, asked by a tablet's first
 * screen before the API client and its schemas are loaded. Only a hint that
 * draws the whole app at once: SignInOrSetup asks again through the API client,
 * which parses the answer with setupStatusSchema, before it offers the set-up.
 */
export async function setupMayBeNeeded(): Promise<boolean> {
  try {
    const answer = await fetch('/api/setup', { headers: { accept: 'application/json' } });
    if (!answer.ok) return false;
    return ((await answer.json()) as { needed?: unknown } | null)?.needed === true;
  } catch {
    // Offline or an older server: the sign-in form stays, as SignInOrSetup would decide.
    return false;
  }
}
