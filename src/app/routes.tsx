/**
 * The app's screens by address, as data: a new screen is one more line here and
 * its pattern in paths.ts. The first route whose pattern matches opens, so fixed
 * addresses come before a pattern with a parameter in the same place.
 */
import type { VNode } from 'preact';
import { matchPath, type Location } from './router';
import { PATTERNS, RECORD_PAGES, recordPagePattern } from './paths';
import { isSetAsideTable } from './db/setAside';
import { lazyScreen } from './components/lazyScreen';
import type { Store } from './db/connection';
import { readEditorTargetAhead } from './features/entry/loadEditorTarget';
import { BatchesScreen } from './features/batches/BatchesScreen';
// In the shell, though off the way to the first sheet: it shares AlertList with the first
// chunk (main.tsx), and as a chunk of its own it would split AlertList out of that chunk.
import { ChangePassphraseScreen } from './features/vault/ChangePassphraseScreen';
import { EntryScreen } from './features/entry/EntryScreen';
import { NewBatchScreen } from './features/batches/NewBatchScreen';
import { NotFoundScreen } from './shell/NotFoundScreen';
import { SignIn } from './features/session/SignIn';

/** One screen and the path pattern that opens it. */
export interface Route {
  pattern: string;
  render: (params: Record<string, string>, location: Location) => VNode;
  /** The screen's first read, made before it is drawn (services/readAhead.ts), for a screen that reads one thing first. */
  readAhead?: (params: Record<string, string>, store: Store) => Promise<void>;
}

// Loaded with the app: the advisor's way to the first sheet (batches, a new batch, the
// entry form) and sign-in (the session gate shows it too). Every other screen is its own
// chunk, fetched when first opened: the review (with its confirmation and set-aside rows)
// once a stack is typed, the backup with its file format, and so on. The service worker
// precaches them for offline use.
const ReviewScreen = lazyScreen(() => import('./features/batches/ReviewScreen').then((m) => m.ReviewScreen));
const BackupScreen = lazyScreen(() => import('./features/vault/BackupScreen').then((m) => m.BackupScreen));
const RecordsScreen = lazyScreen(() => import('./features/records/RecordsScreen').then((m) => m.RecordsScreen));
const VerifyScreen = lazyScreen(() => import('./features/verify/VerifyScreen').then((m) => m.VerifyScreen));
const RepairScreen = lazyScreen(() => import('./features/records/RepairScreen').then((m) => m.RepairScreen));
const NeedsAttention = lazyScreen(() => import('./features/session/NeedsAttention').then((m) => m.NeedsAttention));
const StudentsScreen = lazyScreen(() => import('./features/students/StudentsScreen').then((m) => m.StudentsScreen));
const SsidRequestScreen = lazyScreen(() => import('./features/students/requests/SsidRequestScreen').then((m) => m.SsidRequestScreen));
// The school return brings papaparse.
const SchoolReturnScreen = lazyScreen(() => import('./features/students/school-return/SchoolReturnScreen').then((m) => m.SchoolReturnScreen));
const ApprovalsScreen = lazyScreen(() => import('./features/students/approvals/ApprovalsScreen').then((m) => m.ApprovalsScreen));
const StudentRecordScreen = lazyScreen(() => import('./features/students/record/StudentRecordScreen').then((m) => m.StudentRecordScreen));
// Only center administrators open these.
const AccountsScreen = lazyScreen(() => import('./features/admin/AccountsScreen').then((m) => m.AccountsScreen));
const SchoolsScreen = lazyScreen(() => import('./features/admin/SchoolsScreen').then((m) => m.SchoolsScreen));
const TabletsScreen = lazyScreen(() => import('./features/admin/TabletsScreen').then((m) => m.TabletsScreen));
const ProgressScreen = lazyScreen(() => import('./features/admin/ProgressScreen').then((m) => m.ProgressScreen));
const VerificationSettingScreen = lazyScreen(() => import('./features/admin/VerificationSettingScreen').then((m) => m.VerificationSettingScreen));

export const ROUTES: readonly Route[] = [
  { pattern: PATTERNS.batches, render: () => <BatchesScreen /> },
  { pattern: PATTERNS.newBatch, render: () => <NewBatchScreen /> },
  { pattern: PATTERNS.batch, render: (p) => <ReviewScreen batchId={p.batchId!} /> },
  // Keyed by the navigation, so "Save and next" always starts a fresh form, while the
  // URL rewrite after a new form's first save keeps the same one.
  {
    pattern: PATTERNS.newRecord,
    render: (p, l) => <EntryScreen key={l.key} target={{ batchId: p.batchId! }} />,
    readAhead: (p, store) => readEditorTargetAhead(store.db, { batchId: p.batchId! }),
  },
  { pattern: PATTERNS.verifyBatch, render: (p) => <VerifyScreen batchId={p.batchId!} /> },
  { pattern: PATTERNS.records, render: () => <RecordsScreen /> },
  {
    pattern: PATTERNS.record,
    render: (p, l) => <EntryScreen key={l.key} target={{ recordId: p.recordId! }} />,
    readAhead: (p, store) => readEditorTargetAhead(store.db, { recordId: p.recordId! }),
  },
  {
    pattern: PATTERNS.repair,
    render: (p) => (isSetAsideTable(p.table) ? <RepairScreen table={p.table} rowKey={p.key!} /> : <NotFoundScreen />),
  },
  { pattern: PATTERNS.students, render: () => <StudentsScreen /> },
  { pattern: PATTERNS.requestList, render: () => <SsidRequestScreen /> },
  { pattern: PATTERNS.schoolReturn, render: () => <SchoolReturnScreen /> },
  { pattern: PATTERNS.approvals, render: () => <ApprovalsScreen /> },
  ...RECORD_PAGES.map(({ slug }): Route => ({
    pattern: recordPagePattern(slug),
    render: (p) => <StudentRecordScreen studentId={p.studentId!} page={slug} />,
  })),
  { pattern: PATTERNS.signIn, render: () => <SignIn /> },
  { pattern: PATTERNS.attention, render: () => <NeedsAttention /> },
  { pattern: PATTERNS.backup, render: () => <BackupScreen /> },
  { pattern: PATTERNS.passphrase, render: () => <ChangePassphraseScreen /> },
  { pattern: PATTERNS.centerAccounts, render: () => <AccountsScreen /> },
  { pattern: PATTERNS.centerSchools, render: () => <SchoolsScreen /> },
  { pattern: PATTERNS.centerTablets, render: () => <TabletsScreen /> },
  { pattern: PATTERNS.centerProgress, render: () => <ProgressScreen /> },
  { pattern: PATTERNS.centerVerification, render: () => <VerificationSettingScreen /> },
];

/** The first route whose pattern matches `path`, with its parameters; null where no screen lives. */
export function routeFor(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/** Makes the first read of the screen at `path` now (see Route.readAhead); resolves at once for a screen without one. */
export function readScreenAhead(store: Store, path: string): Promise<void> {
  const found = routeFor(path);
  return found?.route.readAhead?.(found.params, store) ?? Promise.resolve();
}
