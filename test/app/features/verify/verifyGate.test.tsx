// @vitest-environment jsdom
/**
 * The batch's "verify" switch and the confirm gate (issue 10): the new batch
 * form starts the switch at the center's setting (locked on where it is
 * required); a sheet of a batch that verifies is not confirmed, on the entry
 * form, the review or in the store, until a second keyer has verified it.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { confirmApplications, saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
import type { Store } from '../../../../src/app/db/connection';
import { META } from '../../../../src/app/db/meta';
import { paths } from '../../../../src/app/paths';
import type { VerificationPolicy } from '../../../../src/shared/verification-policy';
import { verifiedValuesOf, verifySheet } from '../../../../src/shared/verify-sheet';
import { seriousViolations } from '../../axe';
import { changeRecord, completeFields, readOutbox, readRecord, renderApp, screenStorePerTest, seedRecord } from '../../harness';

const getStore = screenStorePerTest();

async function centerSays(store: Store, policy: VerificationPolicy) {
  const requiredSince = policy === 'required' ? '2026-03-01T00:00:00.000Z' : null;
  await store.db.meta.put({ key: META.center, value: { id: 'c1', name: 'Center', verification: { policy, requiredSince } } });
}

function verifyBatch(store: Store, verify: boolean | undefined) {
  return createBatch(store.db, {
    schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 3, verify,
    defaults: { grade: '7', schoolId: 'school-lincoln', programYear: '2025-26', dateReceived: '2025-09-15' },
  });
}

/** What the verify screen saves once a second keyer typed the sheet the same. */
async function verifiedBySecondKeyer(store: Store, id: string) {
  const record = await readRecord(store, id);
  const outcome = verifySheet(verifiedValuesOf(record.fields), verifiedValuesOf(record.fields), {}, { enteredBy: 'u-ana', verifiedBy: 'u-bea', signedInAs: 'u-ana' }, new Date().toISOString());
  if (outcome.state !== 'verified') throw new Error('The same keying verifies.');
  const { studentId, batchId, createdAt, ssidRekey, fields } = record;
  await saveDraft(store.db, { id, studentId, batchId, createdAt, ssidRekey, fields, verification: outcome.verification });
}

describe('the new batch form’s verify switch', () => {
  it.each([
    ['off', false, false],
    ['default', true, false],
    ['required', true, true],
  ] as const)('where the center says %s it shows %s (locked: %s) as soon as it is drawn', async (policy, checked, locked) => {
    const store = getStore();
    await centerSays(store, policy);
    renderApp(store, paths.newBatch());
    // At first sight, not after a moment: a switch drawn before the setting is read showed off and free, then flipped.
    const box = await screen.findByRole('checkbox', { name: /Verify: a second person types/ }) as HTMLInputElement;
    expect(box.checked).toBe(checked);
    expect(box.disabled).toBe(locked);
    if (locked) expect(screen.getByText(/Your center requires it/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('keeps the advisor’s choice with the batch', async () => {
    const store = getStore();
    await centerSays(store, 'off');
    renderApp(store, paths.newBatch());
    await screen.findByRole('option', { name: 'Roosevelt High School (Los Angeles)' });
    fireEvent.change(screen.getByLabelText('School'), { target: { value: 'school-roosevelt' } });
    fireEvent.input(screen.getByLabelText('Sheets in the stack'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Verify/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start typing' }));
    await waitFor(async () => expect((await store.db.batches.toArray())[0]).toMatchObject({ sheetCount: 3, verify: true }));
  });
});

describe('the confirm gate of a batch that verifies', () => {
  it('leaves the entry form’s Confirm off, says why and leads to Verify batch', async () => {
    const store = getStore();
    const batch = await verifyBatch(store, true);
    const record = await seedRecord(store, batch.id, completeFields());
    renderApp(store, paths.record(record.id));
    const note = await screen.findByText('A second keyer verifies this sheet before it is confirmed.');
    expect(within(note).getByRole('link', { name: 'Verify batch' }).getAttribute('href')).toBe(paths.verifyBatch(batch.id));
    expect((screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  });

  it('lists the sheet as waiting on the review, confirms nothing, then confirms it once verified, the verification queued with it', async () => {
    const store = getStore();
    const batch = await verifyBatch(store, true);
    const record = await seedRecord(store, batch.id, completeFields());
    renderApp(store, paths.batch(batch.id));
    const row = (await screen.findByText('Lopez, Maria')).closest('li')!;
    expect(within(row).getByText('A second keyer verifies this sheet before it is confirmed.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Confirm all without problems' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Verify batch' }).className).toContain('button-primary');

    expect(await confirmApplications(store, [record.id])).toEqual({ confirmed: [], skipped: [{ id: record.id, reason: 'A second keyer verifies this sheet before it is confirmed.' }] });
    expect(await readOutbox(store)).toEqual([]);

    await verifiedBySecondKeyer(store, record.id);
    const confirmAll = screen.getByRole('button', { name: 'Confirm all without problems' }) as HTMLButtonElement;
    await waitFor(() => expect(confirmAll.disabled).toBe(false));
    fireEvent.click(confirmAll);
    await waitFor(async () => expect((await readRecord(store, record.id)).status).toBe('queued'));
    const [queued] = await readOutbox(store);
    expect(queued?.mutation).toMatchObject({ recordId: record.id, verification: { enteredBy: 'u-ana', verifiedBy: 'u-bea' } });
  });

  it('holds a batch from before to the center’s requirement, and leaves it alone otherwise', async () => {
    const store = getStore();
    const old = await verifyBatch(store, undefined);
    const record = await seedRecord(store, old.id, completeFields());
    await centerSays(store, 'required');
    expect((await confirmApplications(store, [record.id])).confirmed).toEqual([]);
    await centerSays(store, 'default');
    expect((await confirmApplications(store, [record.id])).confirmed).toEqual([record.id]);
  });

  it('asks for a second keying of a sheet the server sent back for want of one, even where the batch does not verify', async () => {
    const store = getStore();
    const batch = await verifyBatch(store, false);
    const record = await seedRecord(store, batch.id, completeFields());
    await confirmApplications(store, [record.id]);
    // The server refused it (verification became required while it was on the way); the advisor fixed the grade.
    await changeRecord(store, record.id, { status: 'rejected', serverVersion: null, serverReason: { code: 'verification_required', message: 'Verify it.' } });
    const fixed = await readRecord(store, record.id);
    await saveDraft(store.db, { ...fixed, fields: { ...fixed.fields, grade: '8' } });
    expect(await confirmApplications(store, [record.id])).toMatchObject({ confirmed: [], skipped: [{ reason: 'A second keyer verifies this sheet before it is confirmed.' }] });
    await verifiedBySecondKeyer(store, record.id);
    expect((await confirmApplications(store, [record.id])).confirmed).toEqual([record.id]);
  });
});
