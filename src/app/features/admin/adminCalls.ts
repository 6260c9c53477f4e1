/**
 * The center administrator's online calls (issue 13), over the app's API client
 * and stored session. Answers are parsed with the shared admin schemas.
 */
import { z } from 'zod/mini';
import {
  accountSchema,
  accountsResponseSchema,
  adminSchoolSchema,
  adminSchoolsResponseSchema,
  historyResponseSchema,
  oneTimePasswordResponseSchema,
  progressResponseSchema,
  tabletsResponseSchema,
  type Account,
  type AdminSchool,
  type HistoryEntry,
  type NewAccount,
  type NewSchool,
  type OneTimePasswordResponse,
  type ProgressResponse,
  type Tablet,
  type VerificationPolicyRequest,
} from '../../../shared/admin-protocol';
import { centerVerificationSchema, type CenterVerification } from '../../../shared/verification-policy';
import type { MesaDb } from '../../db/schema';
import type { ApiClient } from '../../sync/api';
import { withSessionToken } from '../../sync/withSession';

/** The calls, bound to the app's database (for the session) and API client. */
export interface AdminCalls {
  accounts(): Promise<Account[]>;
  createAccount(account: NewAccount): Promise<OneTimePasswordResponse>;
  setDisabled(id: string, disabled: boolean): Promise<Account>;
  resetPassword(id: string): Promise<OneTimePasswordResponse>;
  schools(): Promise<AdminSchool[]>;
  addSchool(school: NewSchool): Promise<AdminSchool>;
  renameSchool(id: string, name: string): Promise<AdminSchool>;
  retireSchool(id: string): Promise<AdminSchool>;
  tablets(): Promise<Tablet[]>;
  revokeTablet(deviceId: string): Promise<number>;
  /** Closes the warning that a tablet's reported records never arrived (audited). */
  dismissUnsent(deviceId: string): Promise<void>;
  history(): Promise<HistoryEntry[]>;
  /** SSID collection per school for `programYear`; the current program year when none is given. */
  progress(programYear?: string): Promise<ProgressResponse>;
  verification(): Promise<CenterVerification>;
  /** Sets the policy, the fields verified besides the required four, or both. */
  setVerification(change: VerificationPolicyRequest): Promise<CenterVerification>;
}

const enc = encodeURIComponent;

/** The admin calls over `api`, with the session stored in `db`. */
export function createAdminCalls(db: MesaDb, api: ApiClient): AdminCalls {
  const send = <T>(method: string, path: string, schema: z.core.$ZodType<T>, body?: unknown): Promise<T> =>
    withSessionToken(db, (token) => api.request(method, path, schema, body === undefined ? { token } : { token, body }));
  return {
    accounts: async () => (await send('GET', '/api/admin/accounts', accountsResponseSchema)).accounts,
    createAccount: (account) => send('POST', '/api/admin/accounts', oneTimePasswordResponseSchema, account),
    setDisabled: (id, disabled) => send('POST', `/api/admin/accounts/${enc(id)}/${disabled ? 'disable' : 'enable'}`, accountSchema),
    resetPassword: (id) => send('POST', `/api/admin/accounts/${enc(id)}/reset-password`, oneTimePasswordResponseSchema),
    schools: async () => (await send('GET', '/api/admin/schools', adminSchoolsResponseSchema)).schools,
    addSchool: (school) => send('POST', '/api/admin/schools', adminSchoolSchema, school),
    renameSchool: (id, name) => send('POST', `/api/admin/schools/${enc(id)}/rename`, adminSchoolSchema, { name }),
    retireSchool: (id) => send('POST', `/api/admin/schools/${enc(id)}/retire`, adminSchoolSchema),
    tablets: async () => (await send('GET', '/api/admin/tablets', tabletsResponseSchema)).tablets,
    revokeTablet: async (deviceId) => (await send('POST', `/api/admin/tablets/${enc(deviceId)}/revoke`, z.object({ sessionsEnded: z.number() }))).sessionsEnded,
    dismissUnsent: async (deviceId) => {
      await send('POST', `/api/admin/tablets/${enc(deviceId)}/dismiss-unsent`, z.object({ dismissedAt: z.string() }));
    },
    history: async () => (await send('GET', '/api/admin/history', historyResponseSchema)).entries,
    verification: () => send('GET', '/api/admin/verification', centerVerificationSchema),
    setVerification: (change) => send('POST', '/api/admin/verification', centerVerificationSchema, change),
    progress: (programYear) => send('GET', `/api/admin/progress${programYear === undefined ? '' : `?programYear=${enc(programYear)}`}`, progressResponseSchema),
  };
}
