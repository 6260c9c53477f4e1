/** The app's screens by path, as data: a new screen is one more line. */
import type { VNode } from 'preact';
import type { Location } from './router';
import { BatchesScreen } from './components/BatchesScreen';
import { EntryScreen } from './components/EntryScreen';
import { NewBatchScreen } from './components/NewBatchScreen';
import { ReviewScreen } from './components/ReviewScreen';
import { lazyScreen } from './components/lazyScreen';
import { NotFoundScreen } from './components/NotFoundScreen';
import { isSetAsideTable } from './db/setAside';
import { STUDENT_ROUTES } from './components/students/routes';

/** One screen and the path pattern that opens it. */
export interface Route {
  pattern: string;
  render: (params: Record<string, string>, location: Location) => VNode;
}

// Off the first-visit path (batches, entry, review): fetched when first opened.
const RecordsScreen = lazyScreen(() => import('./components/RecordsScreen').then((m) => m.RecordsScreen));
const RepairScreen = lazyScreen(() => import('./components/RepairScreen').then((m) => m.RepairScreen));

export const ROUTES: readonly Route[] = [
  { pattern: '/', render: () => <BatchesScreen /> },
  { pattern: '/batches/new', render: () => <NewBatchScreen /> },
  { pattern: '/batches/:batchId', render: (p) => <ReviewScreen batchId={p.batchId!} /> },
  // Keyed by the navigation, so "Save and next" always starts a fresh form, while the
  // URL rewrite after a new form's first save keeps the same one.
  { pattern: '/batches/:batchId/new', render: (p, l) => <EntryScreen key={l.key} target={{ batchId: p.batchId! }} /> },
  { pattern: '/records', render: () => <RecordsScreen /> },
  { pattern: '/records/:recordId', render: (p, l) => <EntryScreen key={l.key} target={{ recordId: p.recordId! }} /> },
  {
    pattern: '/repair/:table/:key',
    render: (p) => (isSetAsideTable(p.table) ? <RepairScreen table={p.table} rowKey={p.key!} /> : <NotFoundScreen />),
  },
  ...STUDENT_ROUTES,
];
