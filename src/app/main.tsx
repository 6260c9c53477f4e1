/**
 * Entry point, the first chunk: looks at storage (db/startPeek.ts) and draws the
 * first screen without Dexie, zod or the app, which load behind it
 * (startApp.tsx). A tablet in any other state (signed out, no passphrase yet,
 * storage it cannot read) waits for the whole app, which decides as before.
 * On "/" from the network, index.html has drawn the sign-in form already, and
 * from the service worker unlock.html the unlock screen (scripts/first-screen.ts);
 * the render of the same screen keeps their nodes and what was typed.
 */
import { render } from 'preact';
import { paths } from './paths';
import { peekAtStart } from './db/startPeek';
import { FirstSignIn, FirstUnlock, passphraseTypedBeforeStart, typedBeforeStart, type AppHandle } from './shell/FirstScreen';
import './styles/app.css';

async function start(root: HTMLElement): Promise<void> {
  // The students' public page: no sign-in, no advisor's store on a student's device.
  if (window.location.pathname === paths.reEnroll()) {
    // An advisor's tablet opens it from the worker's page, which drew the unlock screen.
    root.replaceChildren();
    const { ReEnrollPage } = await import('./features/students/reenroll/ReEnrollPage');
    render(<ReEnrollPage />, root);
    return;
  }
  let loading: Promise<AppHandle | null> | null = null;
  // Once: every caller shares the one store; a failed fetch is forgotten so that the next try fetches again.
  const load = () => (loading ??= import('./startApp').then((m) => m.startApp(root)).catch((error: unknown) => {
    loading = null;
    throw error;
  }));
  const peek = await peekAtStart();
  if (peek.kind === 'fresh') render(<FirstSignIn load={load} typed={typedBeforeStart(root)} />, root);
  else if (peek.kind === 'locked') render(<FirstUnlock waiting={peek.waiting} load={load} typed={passphraseTypedBeforeStart(root)} />, root);
  else {
    // The pages' sign-in or unlock markup is not for this tablet now: not to be typed into while the app decides.
    root.replaceChildren();
    (await load())?.show();
  }
}

const root = document.getElementById('app');
if (root) void start(root);
