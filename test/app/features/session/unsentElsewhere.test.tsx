// @vitest-environment jsdom
/**
 * Loss is never silent (issue 13 item 3), on the advisor's side, against the
 * real server: a sign-in on an empty tablet names the advisor's other tablet
 * whose 12 records have not arrived, above every screen, until a backup of that
 * tablet is imported here (its report then settles it on the server) or the
 * advisor hides it; a sign-in on a tablet holding records is not told.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen } from '@testing-library/preact';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnsentElsewhereBanner } from '../../../../src/app/features/session/UnsentElsewhereBanner';
import { exportBackup, importBackup } from '../../../../src/app/backup/store';
import { closeStore } from '../../../../src/app/db/connection';
import { readUnsentElsewhere } from '../../../../src/app/db/meta';
import { paths } from '../../../../src/app/paths';
import { createApiClient } from '../../../../src/app/sync/api';
import { reportUnsent } from '../../../../src/app/sync/report';
import { signIn } from '../../../../src/app/sync/session';
import { todayIso } from '../../../../src/shared/dates';
import { uuidv7 } from '../../../../src/shared/ids';
import { shortDateInWords } from '../../../../src/shared/unsent-reports';
import { seriousViolations } from '../../axe';
import { completeFields, openTestStore, renderSessionApp, seedRecord } from '../../harness';
import { storeAndServerPerTest } from '../../screen-server';

const { store, server } = storeAndServerPerTest();
// The batches screen is a lazy chunk: load it up front, so a loaded machine's first import is not inside a findBy.
beforeAll(async () => {
  await import('../../../../src/app/features/batches/BatchesScreen');
});

/** The advisor's other tablet, `lost`, reported 12 unsent records; returns when. */
async function lostTabletReported(lost: string): Promise<string> {
  const api = createApiClient({ baseUrl: server.baseUrl });
  const session = await api.signIn({ email: server.email, password: server.password, deviceId: lost });
  const answer = await api.request('POST', '/api/sync/report', z.object({ reportedAt: z.string() }), { token: session.token, body: { deviceId: lost, unsent: 12 } });
  return answer.reportedAt;
}

function renderAt(path: string) {
  return renderSessionApp(store, server.baseUrl, path, { notice: <UnsentElsewhereBanner /> });
}

describe('a sign-in on an empty tablet', { timeout: 90_000 }, () => {
  it('names the other tablet’s records above every screen, leads to the backup screen, and hides when asked', async () => {
    const lost = uuidv7();
    const reportedAt = await lostTabletReported(lost);
    await signIn(store.db, createApiClient({ baseUrl: server.baseUrl }), { email: server.email, password: server.password });
    renderAt(paths.batches());

    const day = shortDateInWords(todayIso(new Date(reportedAt)), todayIso());
    expect(await screen.findByText(`Your tablet “Tablet …${lost.slice(-6)}” last reported 12 unsent records on ${day}; they have not arrived.`, {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText(/If that was this tablet, its storage was cleared: look for a backup file\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Look for a backup file' }).getAttribute('href')).toBe(paths.backup());
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Hide this warning' }));
    await expect.poll(() => screen.queryByText(/last reported 12 unsent records/)).toBeNull();
    expect(await readUnsentElsewhere(store.db)).toEqual([]);
  });

  it('ends with the import of that tablet’s backup, whose report settles it on the server', async () => {
    const lost = uuidv7();
    const reportedAt = await lostTabletReported(lost);
    // The backup the lost tablet wrote after that report, before its storage went: the
    // envelope names its device. Only a backup made at or after the report settles it, so
    // its time follows the server's report time (a clock read before the report's sign-in
    // fell behind it on a loaded machine).
    const other = await openTestStore();
    await other.db.meta.put({ key: 'deviceId', value: lost });
    const { text } = await exportBackup(other.db, 'file passphrase 1', { iterations: 1000, now: new Date(Date.parse(reportedAt) + 1000) });
    closeStore(other);
    const api = createApiClient({ baseUrl: server.baseUrl });
    const session = await signIn(store.db, api, { email: server.email, password: server.password });
    expect(await readUnsentElsewhere(store.db)).toHaveLength(1);

    await importBackup(store.db, text, 'file passphrase 1');
    expect(await readUnsentElsewhere(store.db)).toEqual([]);
    const deviceId = (await store.db.meta.get('deviceId'))!.value as string;
    await reportUnsent(store.db, api, { token: session.token, userId: session.user.id }, deviceId);
    const row = await server.handle.db.selectFrom('devices').select('unsent_recovered_at').where('device_id', '=', lost).executeTakeFirstOrThrow();
    expect(row.unsent_recovered_at).not.toBeNull();
  });

  it('says nothing on a tablet that holds records', async () => {
    await lostTabletReported(uuidv7());
    await seedRecord(store, null, completeFields());
    await signIn(store.db, createApiClient({ baseUrl: server.baseUrl }), { email: server.email, password: server.password });
    expect(await readUnsentElsewhere(store.db)).toEqual([]);
  });
});
