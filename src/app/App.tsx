import type { ComponentChildren } from 'preact';
import { AppShell } from './shell/AppShell';
import { NotFoundScreen } from './shell/NotFoundScreen';
import { useLocation } from './hooks/useLocation';
import { routeFor } from './routes';

/**
 * The app: the shell and the screen for the current path. `header` fills the top
 * bar's slot (sync status, sign-in); `notice` is shown above every screen; `nav` adds links to the main navigation.
 */
export function App({ header, notice, nav }: { header?: ComponentChildren; notice?: ComponentChildren; nav?: ComponentChildren }) {
  const location = useLocation();
  const found = routeFor(location.path);
  const screen = found ? found.route.render(found.params, location) : <NotFoundScreen />;
  return (
    <AppShell path={location.path} header={header} nav={nav}>
      {notice}
      {screen}
    </AppShell>
  );
}
