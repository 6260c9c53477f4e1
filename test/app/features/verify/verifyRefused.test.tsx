// @vitest-environment jsdom
/**
 * A sheet the server refused for want of a second keying (decide.ts rule 2b),
 * the whole way round against the REAL server, on SQLite and PostgreSQL: the
 * tablet confirmed it before it learnt that the center now requires
 * verification; the push is refused; the review points to Verify, which lists
 * the sheet as it came back (no edit first); a second keyer verifies it; it is
 * confirmed again and the server keeps it, once, with both keyers.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmApplications, newDraft, saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
import { closeStore, type Store } from '../../../../src/app/db/connection';
import { readSession } from '../../../../src/app/db/meta';
import { createApiClient } from '../../../../src/app/sync/api';
import { SyncEngine } from '../../../../src/app/sync/engine';
import { signIn } from '../../../../src/app/sync/session';
import { paths } from '../../../../src/app/paths';
import { setVerificationPolicy } from '../../../../src/server/admin/verification';
import { DEMO_SECOND_ADVISOR } from '../../../../src/server/seed';
import { DATABASES } from '../../../server/helpers/databases';
import { completeFields } from '../../sync/fixtures';
import { startServer, type TestServer } from '../../sync/server-harness';
import { seriousViolations } from '../../axe';
import { openTestStore, readRecord, renderApp } from '../../harness';

describe.each(DATABASES)('a sheet refused for want of a second keying, on $name', (database) => {
  let server: TestServer | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    cleanup();
    if (store) closeStore(store);
    await server?.close();
  });

  it('is listed on Verify as it came back, verified there, confirmed again and kept by the server once, with both keyers', async () => {
    server = await startServer(() => database.open());
    const tablet = await openTestStore();
    store = tablet;
    // Uncompressed: jsdom's Blob has no stream() for gzip (sync-with-server.test covers gzip in Node).
    const api = createApiClient({ baseUrl: server.baseUrl, gzip: false });
    const engine = new SyncEngine({ db: tablet.db, api, locks: null, events: null, isOnline: () => true });
    await signIn(tablet.db, api, { email: server.email, password: server.password });
    await engine.syncNow();
    const school = await tablet.db.schools.toCollection().first();
    const advisor = (await readSession(tablet.db))!.user;

    // The center requires verification from now on; this tablet has not pulled since, so it lets the sheet through.
    await setVerificationPolicy(server.handle, { userId: advisor.id, centerId: advisor.centerId }, { policy: 'required' });
    const batch = await createBatch(tablet.db, { schoolId: school!.id, programYear: '2025-26', sheetCount: 1, defaults: { schoolId: school!.id } });
    const draft = newDraft(batch);
    const fields = completeFields(1, school!.id, { ssid: '4081726354', ssidSource: 'student_form' });
    await saveDraft(tablet.db, { ...draft, fields, ssidRekey: fields.ssid });
    expect((await confirmApplications(tablet, [draft.id])).confirmed).toEqual([draft.id]);
    await engine.syncNow();
    expect(await readRecord(tablet, draft.id)).toMatchObject({ status: 'rejected', serverReason: { code: 'verification_required' } });
    expect(await server.enrollments()).toEqual([]);

    // The review points to Verify for it.
    renderApp(tablet, paths.batch(batch.id));
    const problems = await screen.findByRole('list', { name: 'Problems' });
    const row = problems.closest('li.review-row') as HTMLElement;
    expect(row.textContent).toContain('Your center requires a second keyer for this sheet');
    expect(within(row).queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(within(row).getByRole('link', { name: 'Verify' }));

    // Verify lists it without an edit first; the second advisor keys it blind, the same.
    fireEvent.click(await screen.findByRole('radio', { name: DEMO_SECOND_ADVISOR.name }));
    fireEvent.click(screen.getByRole('button', { name: 'Start verifying' }));
    await screen.findByRole('heading', { name: 'Sheet 1' });
    const typed = { 'CA SSID': fields.ssid, 'First name': fields.firstName, 'Last name': fields.lastName, 'Date of birth': '03/04/2011' };
    for (const [label, value] of Object.entries(typed)) fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
    fireEvent.submit(screen.getByRole('button', { name: 'Next sheet' }).closest('form')!);
    await screen.findByText('Every typed sheet of this batch has been keyed a second time.');
    await waitFor(async () => expect((await readRecord(tablet, draft.id)).verification).toBeDefined());

    expect((await confirmApplications(tablet, [draft.id])).confirmed).toEqual([draft.id]);
    await engine.syncNow();
    // A second sync sends nothing again: the server keeps the sheet once.
    await engine.syncNow();
    expect(await readRecord(tablet, draft.id)).toMatchObject({ status: 'synced', serverReason: null });
    const kept = await server.handle.db.selectFrom('enrollments').select(['id', 'entered_by', 'verified_by']).execute();
    const second = await server.handle.db.selectFrom('users').select('id').where('email', '=', DEMO_SECOND_ADVISOR.email).executeTakeFirstOrThrow();
    expect(kept).toEqual([{ id: draft.id, entered_by: advisor.id, verified_by: second.id }]);
  });
});
