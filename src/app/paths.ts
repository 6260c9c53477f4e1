/**
 * Every address in the app, in one place. The route table (routes.tsx) opens a
 * screen at each pattern; links, the navigation, hooks and tests build
 * addresses with `paths`, so a pattern and the addresses that reach it cannot
 * drift apart.
 */
import type { SetAsideTable } from './db/setAside';

/** The pages of a student's record, in the paper's order. */
export const RECORD_PAGES = [
  { slug: '', title: '1. Student' },
  { slug: 'record-information', title: '2. Record information' },
  { slug: 'enrollments', title: '3. Enrollments' },
] as const;

/** A record page's slug: '' is the first page. */
export type RecordPage = (typeof RECORD_PAGES)[number]['slug'];

/** Each screen's address; a `:name` part is a parameter the route passes to its screen. */
export const PATTERNS = {
  batches: '/',
  newBatch: '/batches/new',
  batch: '/batches/:batchId',
  newRecord: '/batches/:batchId/new',
  verifyBatch: '/batches/:batchId/verify',
  records: '/records',
  record: '/records/:recordId',
  repair: '/repair/:table/:key',
  students: '/students',
  requestList: '/students/ssid-requests',
  schoolReturn: '/students/school-return',
  approvals: '/students/approvals',
  student: '/students/:studentId',
  /** Public, no sign-in: a returning student re-enrolls (main.tsx serves it before the advisor's app). */
  reEnroll: '/re-enroll',
  /** Sign in again after the server ended the session; the rest of the app stays usable. */
  signIn: '/sign-in',
  /** Records the server refused or found in conflict. */
  attention: '/attention',
  backup: '/backup',
  passphrase: '/passphrase',
  centerAccounts: '/center',
  centerSchools: '/center/schools',
  centerTablets: '/center/tablets',
  centerProgress: '/center/progress',
  centerVerification: '/center/verification',
} as const;

/** The names of a pattern's `:name` parts, e.g. 'table' | 'key' for '/repair/:table/:key'. */
type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The address `pattern` names for `params`, each part encoded (the router decodes them). */
function fill<P extends string>(pattern: P, params: Record<ParamsOf<P>, string>): string {
  const values: Record<string, string> = params;
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** The pattern of one page of a student's record (fixed student paths come first in the route table). */
export function recordPagePattern(page: RecordPage) {
  return page === '' ? PATTERNS.student : (`${PATTERNS.student}/${page}` as const);
}

/** The app's addresses, built. */
export const paths = {
  batches: () => PATTERNS.batches,
  newBatch: () => PATTERNS.newBatch,
  batch: (batchId: string) => fill(PATTERNS.batch, { batchId }),
  newRecord: (batchId: string) => fill(PATTERNS.newRecord, { batchId }),
  verifyBatch: (batchId: string) => fill(PATTERNS.verifyBatch, { batchId }),
  records: () => PATTERNS.records,
  record: (recordId: string) => fill(PATTERNS.record, { recordId }),
  repair: (table: SetAsideTable, key: string) => fill(PATTERNS.repair, { table, key }),
  students: () => PATTERNS.students,
  requestList: () => PATTERNS.requestList,
  schoolReturn: () => PATTERNS.schoolReturn,
  approvals: () => PATTERNS.approvals,
  student: (studentId: string, page: RecordPage = '') => fill(recordPagePattern(page), { studentId }),
  reEnroll: () => PATTERNS.reEnroll,
  signIn: () => PATTERNS.signIn,
  attention: () => PATTERNS.attention,
  backup: () => PATTERNS.backup,
  passphrase: () => PATTERNS.passphrase,
  centerAccounts: () => PATTERNS.centerAccounts,
  centerSchools: () => PATTERNS.centerSchools,
  centerTablets: () => PATTERNS.centerTablets,
  centerProgress: () => PATTERNS.centerProgress,
  centerVerification: () => PATTERNS.centerVerification,
};

/** Whether `path` is `section` or an address under it (for the navigation's current link). */
export function isWithin(path: string, section: string): boolean {
  return path === section || path.startsWith(`${section}/`);
}
