/** The center administrator's screens, as routes the app adds to its own. */
import type { Route } from '../routes';
import { lazyScreen } from '../components/lazyScreen';
import { ADMIN_PATHS } from './paths';

// Only administrators open these: each is its own chunk, fetched on first open.
const AccountsScreen = lazyScreen(() => import('./AccountsScreen').then((m) => m.AccountsScreen));
const SchoolsScreen = lazyScreen(() => import('./SchoolsScreen').then((m) => m.SchoolsScreen));
const TabletsScreen = lazyScreen(() => import('./TabletsScreen').then((m) => m.TabletsScreen));
const ProgressScreen = lazyScreen(() => import('./ProgressScreen').then((m) => m.ProgressScreen));

export const ADMIN_ROUTES: readonly Route[] = [
  { pattern: ADMIN_PATHS.accounts(), render: () => <AccountsScreen /> },
  { pattern: ADMIN_PATHS.schools(), render: () => <SchoolsScreen /> },
  { pattern: ADMIN_PATHS.tablets(), render: () => <TabletsScreen /> },
  { pattern: ADMIN_PATHS.progress(), render: () => <ProgressScreen /> },
];
