/**
 * The local roster (pulled from the server) together with what this tablet's
 * typed applications add to it: the middle name and the SSID as the student
 * wrote it on paper. The students screens, the request list and the school
 * return import all start from here, so they work offline.
 */
import { listApplications } from '../../db/applications';
import { readRoster } from '../../db/roster';
import type { LocalRosterEntry, MesaDb } from '../../db/schema';
import type { LocalKnowledge } from '../../../shared/roster-students';
import { checkSsid } from '../../../shared/ssid';

/** A live roster entry with the tablet's own knowledge of that student. */
export interface KnownStudent {
  entry: LocalRosterEntry;
  local: LocalKnowledge;
}

/**
 * What the newest application typed for each student says. An application's
 * SSID counts only when it is a valid 10-digit number.
 */
export async function readLocalKnowledge(db: MesaDb): Promise<Map<string, LocalKnowledge>> {
  const newest = new Map<string, { updatedAt: number; local: LocalKnowledge }>();
  // Through the applications module: it reads sealed (encrypted) rows too.
  for (const app of await listApplications(db)) {
    const seen = newest.get(app.studentId);
    if (seen && seen.updatedAt >= app.updatedAt) continue;
    const ssid = checkSsid(app.fields.ssid).value;
    newest.set(app.studentId, { updatedAt: app.updatedAt, local: { middleName: app.fields.middleName.trim(), currentSsid: ssid } });
  }
  return new Map([...newest].map(([id, { local }]) => [id, local]));
}

/** Every live student on the roster, with the tablet's knowledge of each. */
export async function readKnownStudents(db: MesaDb): Promise<KnownStudent[]> {
  // Through the roster module: it reads sealed (encrypted) rows too.
  const [entries, knowledge] = await Promise.all([readRoster(db), readLocalKnowledge(db)]);
  return entries.map((entry) => ({ entry, local: knowledge.get(entry.studentId) ?? {} }));
}
