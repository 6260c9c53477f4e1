/** The sync screens, as routes the app shell adds to its own. */
import type { Route } from '../../routes';
import { SYNC_PATHS } from '../../sync/paths';
import { NeedsAttention } from './NeedsAttention';
import { SignIn } from './SignIn';

export const SYNC_ROUTES: readonly Route[] = [
  { pattern: SYNC_PATHS.signIn, render: () => <SignIn /> },
  { pattern: SYNC_PATHS.attention, render: () => <NeedsAttention /> },
];
