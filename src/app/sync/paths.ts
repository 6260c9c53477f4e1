/** The app paths the sync screens own (the shell's router serves them like any other). */
export const SYNC_PATHS = {
  /** Sign in again after the server ended the session; the rest of the app stays usable. */
  signIn: '/sign-in',
  /** Records the server refused or found in conflict. */
  attention: '/attention',
} as const;
