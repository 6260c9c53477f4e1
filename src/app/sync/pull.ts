/**
 * Pull: brings the center's schools, advisors and student roster up to date, page by page
 * from the stored checkpoint. Each page is applied in one transaction together
 * with its checkpoint, so an interrupted pull resumes after the last whole page.
 */
import type { MesaDb } from '../db/schema';
import type { PullResponse, VerifyQueueResponse } from '../../shared/protocol';
import { applyPullPage } from '../db/pulledPages';
import { readCheckpoint } from '../db/meta';
import { ContractError } from './api';

/** What one pull brought. */
export interface PullSummary {
  pages: number;
  schools: number;
  roster: number;
}

/** Pulls until the server says there is no more, starting from the stored checkpoint. */
export async function pullAll(
  db: MesaDb,
  fetchPage: (checkpoint: string | null) => Promise<PullResponse>,
): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, schools: 0, roster: 0 };
  let checkpoint = await readCheckpoint(db);
  for (;;) {
    const page = await fetchPage(checkpoint);
    await applyPullPage(db, page);
    summary.pages++;
    summary.schools += page.schools.length;
    summary.roster += page.roster.length;
    if (!page.more) return summary;
    // A server that says "more" without moving the checkpoint would keep us here forever.
    if (page.checkpoint === checkpoint) throw new ContractError('Pull: "more" without a new checkpoint.');
    checkpoint = page.checkpoint;
  }
}

/**
 * Brings the sheets other tablets of the center sent for a second keyer
 * (GET /api/sync/verify-queue), sealed, for this tablet's verify screen; answers
 * how many it stored.
 */
export async function pullSheetsToVerify(db: MesaDb, fetchQueue: () => Promise<VerifyQueueResponse>): Promise<number> {
  const queue = await fetchQueue();
  // Most syncs bring none: the code that seals and stores them is fetched the first time a queue holds sheets.
  if (queue.batches.length === 0) return 0;
  const { storeSheetsToVerify } = await import('../db/sheetsToVerify');
  return storeSheetsToVerify(db, queue);
}
