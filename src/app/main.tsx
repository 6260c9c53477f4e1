/**
 * Entry point, the first chunk: looks at storage (db/startPeek.ts) and draws the
 * first screen without Dexie, zod or the app, which load behind it
 * (startApp.tsx). A tablet in any other state (signed out, no passphrase yet,
 * storage it cannot read) waits for the whole app, which decides as before.
 * On "/" from the network, index.html has drawn the sign-in form already
 * (scripts/first-screen.ts); a first visit's render keeps its nodes.
 */
import { render } from 'preact';
import { paths } from './paths';
import { peekAtStart } from './db/startPeek';
import { FirstSignIn, FirstUnlock, typedBeforeStart, type AppHandle } from './shell/FirstScreen';
import './styles/app.css';

async function start(root: HTMLElement): Promise<void> {
  // The students' public page: no sign-in, no advisor's store on a student's device.
  if (window.location.pathname === paths.reEnroll()) {
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
  else if (peek.kind === 'locked') render(<FirstUnlock waiting={peek.waiting} load={load} />, root);
  else {
    // index.html's sign-in markup is for a first visit: not to be typed into while the app decides.
    root.replaceChildren();
    (await load())?.show();
  }
}

const root = document.getElementById('app');
if (root) void start(root);
