/**
 * Everything an advisor sees once the tablet is signed in and unlocked: the
 * shell, its header and notices, and every screen. main.tsx loads it as its own
 * chunk, so a first visit (sign-in) and a cold start (the unlock screen) draw
 * before this code is fetched and run; the service worker precaches it.
 */
import { App } from './App';
import { AdminNavLink } from './features/admin/AdminNavLink';
import { SyncHeader } from './features/session/SyncHeader';
import { EvictionBanner } from './shell/EvictionBanner';
import { UnsentElsewhereBanner } from './features/session/UnsentElsewhereBanner';
import { VaultMenuItems } from './features/vault/VaultMenuItems';

// For startApp.tsx, which loads this chunk: the screen's first read is made right after the unlock.
export { readScreenAhead } from './routes';

/** The app behind the session and vault gates. */
export function UnlockedApp() {
  return (
    <App
      header={<SyncHeader menu={<VaultMenuItems />} />}
      notice={
        <>
          <UnsentElsewhereBanner />
          <EvictionBanner />
        </>
      }
      nav={<AdminNavLink />}
    />
  );
}
