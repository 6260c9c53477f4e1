/**
 * The first screen a tablet takes typing on, drawn from the first chunk before
 * Dexie, zod and the rest of the app are loaded: the sign-in form on a first
 * visit, the unlock screen on a signed-in, locked tablet (db/startPeek.ts tells
 * which). The whole app arrives meanwhile; once the advisor is through, it is
 * drawn in place of this screen, with the session or the open vault in it.
 */
import { useEffect } from 'preact/hooks';
import { SignInForm } from '../features/session/SignInForm';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import type { Credentials } from '../sync/session';
import { setupMayBeNeeded } from '../sync/setupHint';
import { afterFirstPaint } from './afterFirstPaint';

/** What the first screen needs of the whole app once it is loaded (startApp.tsx). */
export interface AppHandle {
  /** Unlocks the vault and reads what the first screen shows first; rejects as Vault.unlock does (a wrong passphrase, a CryptoError). */
  unlock(passphrase: string): Promise<void>;
  /** Signs in and starts a sync; the sentence to show when it failed, else null. */
  signIn(credentials: Credentials): Promise<string | null>;
  /** Draws the whole app in place of the first screen; `forgottenPassphrase` opens the vault's reset. */
  show(options?: { forgottenPassphrase?: boolean }): void;
}

/** Loads the whole app (once); null when it could not open storage and said so on the page. */
export type LoadApp = () => Promise<AppHandle | null>;

const NOT_LOADED = 'The app could not be loaded. Check the connection and try again.';

/**
 * The unlock screen; the app is fetched after the first paint, while the
 * passphrase is typed. `typed`: what was typed into the service worker's page,
 * which draws this screen's markup before the first chunk runs (unlock.html).
 */
export function FirstUnlock({ waiting, load, typed }: { waiting: number; load: LoadApp; typed?: string }) {
  useEffect(() => afterFirstPaint(() => void load().catch(reportLoadFailure)), [load]);
  const unlock = async (passphrase: string) => {
    const app = await load();
    if (!app) return;
    await app.unlock(passphrase);
    app.show();
  };
  const forgot = () => {
    load().then((app) => app?.show({ forgottenPassphrase: true }), reportLoadFailure);
  };
  return <UnlockScreen onUnlock={unlock} waiting={waiting} onForgot={forgot} typed={typed} />;
}

/** The value of the field `id` among what the page drew before this chunk ran; '' when it has none. */
const drawnValue = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';

/**
 * What was typed into the sign-in form index.html draws before this chunk runs
 * (scripts/first-screen.ts): the form drawn over it starts with the same values,
 * so nothing typed while the JavaScript loaded is lost.
 */
export function typedBeforeStart(root: HTMLElement): Credentials {
  return { email: drawnValue(root, 'sign-in-email'), password: drawnValue(root, 'sign-in-password'), deviceName: drawnValue(root, 'sign-in-device-name') };
}

/** What was typed into the unlock screen unlock.html draws before this chunk runs, as typedBeforeStart. */
export function passphraseTypedBeforeStart(root: HTMLElement): string {
  return drawnValue(root, 'vault-passphrase');
}

/**
 * The sign-in form of a first visit, drawn over index.html's copy of it (the
 * same markup, so the first paint stays). The app is fetched once the advisor
 * starts typing, so a visit that only looks costs this screen alone; an empty
 * server draws the whole app at once, which offers the first set-up instead.
 */
export function FirstSignIn({ load, typed }: { load: LoadApp; typed?: Credentials }) {
  useEffect(() => {
    void setupMayBeNeeded().then((needed) => {
      if (needed) load().then((app) => app?.show(), reportLoadFailure);
    });
  }, [load]);
  const signIn = async (credentials: Credentials): Promise<string | null> => {
    const app = await load().catch(() => undefined);
    if (app === undefined) return NOT_LOADED;
    if (app === null) return null;
    const failure = await app.signIn(credentials);
    if (failure === null) app.show();
    return failure;
  };
  return (
    <main id="main" class="sign-in-page" onInput={() => void load().catch(reportLoadFailure)}>
      <SignInForm expired={false} knownEmail="" knownDeviceName="" onSignIn={signIn} typed={typed} />
    </main>
  );
}

function reportLoadFailure(error: unknown): void {
  console.warn('The app could not be loaded', error instanceof Error ? error.name : typeof error);
}
