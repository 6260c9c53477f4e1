import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MesaDb } from '../../../src/app/db/schema';
import { readCenter, readCheckpoint, readSsidKey } from '../../../src/app/db/meta';
import { pullAll } from '../../../src/app/sync/pull';
import type { PullResponse } from '../../../src/shared/protocol';
import { freshDb, pullPage, rosterEntry, school } from './fixtures';

let db: MesaDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

/** Serves pages in order and records the checkpoint each request carried. */
function pages(...list: PullResponse[]) {
  const asked: (string | null)[] = [];
  const fetchPage = async (checkpoint: string | null) => {
    asked.push(checkpoint);
    const page = list[asked.length - 1];
    if (!page) throw new Error(`No page ${asked.length}`);
    return page;
  };
  return { asked, fetchPage };
}

describe('pulling reference data', () => {
  it('follows "more" page by page, sending each page its predecessor’s checkpoint', async () => {
    const server = pages(
      pullPage('c1', true, [school('s1'), school('s2')], [rosterEntry('st1')]),
      pullPage('c2', true, [], [rosterEntry('st2'), rosterEntry('st3')]),
      pullPage('c3', false, [school('s3')], []),
    );

    const summary = await pullAll(db, server.fetchPage);

    expect(server.asked).toEqual([null, 'c1', 'c2']);
    expect(summary).toEqual({ pages: 3, schools: 3, roster: 3 });
    expect(await readCheckpoint(db)).toBe('c3');
    expect((await db.schools.toArray()).map((s) => s.id).sort()).toEqual(['s1', 's2', 's3']);
    expect(await db.roster.count()).toBe(3);
    expect(await readSsidKey(db)).toBe('ab'.repeat(32));
    // The fixture's server sends no verification setting, as one from before it existed: the tablet reads it as off.
    expect(await readCenter(db)).toEqual({ id: 'center-1', name: 'Test Center', verification: { policy: 'off', requiredSince: null, fields: [] } });
  });

  it('starts the next pull from the stored checkpoint', async () => {
    await pullAll(db, pages(pullPage('c1', false, [school('s1')], [])).fetchPage);
    const second = pages(pullPage('c2', false, [], []));

    await pullAll(db, second.fetchPage);

    expect(second.asked).toEqual(['c1']);
  });

  it('removes soft-deleted students from the roster and keeps soft-deleted schools flagged', async () => {
    await pullAll(db, pages(pullPage('c1', false, [school('s1')], [rosterEntry('st1'), rosterEntry('st2')])).fetchPage);

    await pullAll(db, pages(pullPage('c2', false, [school('s1', true)], [rosterEntry('st1', true)])).fetchPage);

    expect((await db.roster.toArray()).map((r) => r.studentId)).toEqual(['st2']);
    expect(await db.schools.get('s1')).toMatchObject({ deleted: true });
  });

  it('keeps every whole page and its checkpoint when the connection drops mid-pull', async () => {
    const server = pages(pullPage('c1', true, [school('s1')], [rosterEntry('st1')]));

    await expect(pullAll(db, server.fetchPage)).rejects.toThrow('No page 2');

    expect(await readCheckpoint(db)).toBe('c1');
    expect(await db.roster.count()).toBe(1);
  });

  it('stops instead of looping when the server says "more" without moving the checkpoint', async () => {
    const server = pages(pullPage('c1', true, [], []), pullPage('c1', true, [], []), pullPage('c1', true, [], []));
    await pullAll(db, pages(pullPage('c1', false, [], [])).fetchPage);

    await expect(pullAll(db, server.fetchPage)).rejects.toThrow(/without a new checkpoint/);
    expect(server.asked).toEqual(['c1']);
  });
});
