/** The counts a batch is judged by: "23 of 25 entered, 20 confirmed, 2 with problems". */
import type { LocalApplication } from '../db/schema';
import { NEEDS_WORK, type Status } from '../../shared/lifecycle';

/** Counts for one stack of paper. */
export interface BatchSummary {
  entered: number;
  sheets: number;
  confirmed: number;
  problems: number;
}

const CONFIRMED: ReadonlySet<Status> = new Set(['confirmed', 'queued', 'synced']);

/** Counts a batch's records; "with problems" means the advisor still has to fix something. */
export function summarizeBatch(records: readonly Pick<LocalApplication, 'status'>[], sheets: number): BatchSummary {
  let confirmed = 0;
  let problems = 0;
  for (const r of records) {
    if (CONFIRMED.has(r.status)) confirmed++;
    else if (NEEDS_WORK.has(r.status)) problems++;
  }
  return { entered: records.length, sheets, confirmed, problems };
}

/** The summary as one sentence. */
export function describeSummary(s: BatchSummary): string {
  return `${s.entered} of ${s.sheets} entered, ${s.confirmed} confirmed, ${s.problems} with problems`;
}
