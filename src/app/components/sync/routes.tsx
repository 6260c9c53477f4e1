/** The sync screens, as routes the app shell adds to its own. */
import type { Route } from '../../routes';
import { SYNC_PATHS } from '../../sync/paths';
import { lazyScreen } from '../lazyScreen';
import { SignIn } from './SignIn';

// Fetched when first opened; sign-in stays in the entry chunk (the session gate shows it).
const NeedsAttention = lazyScreen(() => import('./NeedsAttention').then((m) => m.NeedsAttention));

export const SYNC_ROUTES: readonly Route[] = [
  { pattern: SYNC_PATHS.signIn, render: () => <SignIn /> },
  { pattern: SYNC_PATHS.attention, render: () => <NeedsAttention /> },
];
