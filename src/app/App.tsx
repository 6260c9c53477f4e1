import type { ComponentChildren } from 'preact';
import { AppShell } from './components/AppShell';
import { NotFoundScreen } from './components/NotFoundScreen';
import { useLocation } from './hooks/useLocation';
import { matchPath } from './router';
import { ROUTES, type Route } from './routes';

/**
 * The app: the shell and the screen for the current path. `header` fills the top
 * bar's slot (sync status, sign-in); `routes` adds screens before the built-in ones; `notice` is shown above every screen; `nav` adds links to the main navigation.
 */
export function App({ header, notice, nav, routes = [] }: { header?: ComponentChildren; notice?: ComponentChildren; nav?: ComponentChildren; routes?: readonly Route[] }) {
  const location = useLocation();
  let screen: ComponentChildren = <NotFoundScreen />;
  for (const route of [...routes, ...ROUTES]) {
    const params = matchPath(route.pattern, location.path);
    if (params) {
      screen = route.render(params, location);
      break;
    }
  }
  return (
    <AppShell path={location.path} header={header} nav={nav}>
      {notice}
      {screen}
    </AppShell>
  );
}
