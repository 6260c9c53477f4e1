// @vitest-environment jsdom
/**
 * The entry form drawn in two steps (features/entry/useFormInSteps.ts): the
 * first section in the render that puts the form in the page, the rest after
 * that frame. Nothing typed in the gap is lost, and the keyboard never falls
 * off the form while the rest is on its way.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { listApplications } from '../../../../src/app/db/applications';
import { readScreenAhead } from '../../../../src/app/routes';
import { paths } from '../../../../src/app/paths';
import { fieldByLabel, renderApp, screenStorePerTest, seedBatch, typeInto } from '../../harness';

const current = screenStorePerTest();

/** A new sheet's screen drawn in the render that opens it (its read made ahead, as after an unlock). */
async function openSheetDrawnAtOnce() {
  const batch = await seedBatch(current());
  await readScreenAhead(current(), paths.newRecord(batch.id));
  renderApp(current(), paths.newRecord(batch.id));
  return batch;
}

const restDrawn = () => screen.findByLabelText('Date received');

describe('the entry form drawn in two steps', () => {
  it('draws the Student section first, focused on First name, and the other sections and the confirm bar after the frame', async () => {
    await openSheetDrawnAtOnce();
    expect(document.activeElement).toBe(fieldByLabel('First name'));
    expect(fieldByLabel('ZIP code')).toBeTruthy();
    expect(screen.queryByLabelText('Date received')).toBeNull();
    expect(screen.queryByRole('button', { name: /Save and next/ })).toBeNull();

    await restDrawn();
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual(
      expect.arrayContaining(['Student', 'Background', 'Parent/guardian', 'Signatures', 'Office use']),
    );
    expect(screen.getByRole('button', { name: /Save and next/ })).toBeTruthy();
    expect(document.activeElement).toBe(fieldByLabel('First name'));
  });

  it('keeps what was typed before the rest was drawn, on the screen and in the store', async () => {
    await openSheetDrawnAtOnce();
    typeInto('First name', 'Maria');
    typeInto('Last name', 'Lopez');
    expect(screen.queryByLabelText('Date received')).toBeNull();

    await restDrawn();
    expect(fieldByLabel('First name').value).toBe('Maria');
    expect(fieldByLabel('Last name').value).toBe('Lopez');
    // The batch's own date, carried into the section drawn later.
    expect(fieldByLabel('Date received').value).not.toBe('');
    await waitFor(async () => expect((await listApplications(current().db)).map((a) => [a.fields.firstName, a.fields.lastName])).toEqual([['Maria', 'Lopez']]));
  });

  it('keeps the cursor in the last field drawn on Enter until the rest is there, then Enter goes on to the next section', async () => {
    await openSheetDrawnAtOnce();
    const zip = fieldByLabel('ZIP code');
    zip.focus();
    fireEvent.keyDown(zip, { key: 'Enter' });
    expect(document.activeElement).toBe(zip);

    await restDrawn();
    fireEvent.keyDown(zip, { key: 'Enter' });
    expect(document.activeElement).toBe(document.getElementById('f-ethnicity'));
  });
});
