// @vitest-environment jsdom
/**
 * The entry form's first read made right after the unlock (startApp.tsx,
 * services/readAhead.ts): the render that draws the app draws the form with it,
 * not "Loading…" first, and a read no render took is never shown later.
 */
import 'fake-indexeddb/auto';
import { cleanup, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { readScreenAhead } from '../../../../src/app/routes';
import { dropReadsAhead } from '../../../../src/app/services/readAhead';
import { paths } from '../../../../src/app/paths';
import { changeRecord, completeFields, fieldByLabel, renderApp, screenStorePerTest, seedBatch, seedRecord } from '../../harness';

const current = screenStorePerTest();

async function storedRecord() {
  const batch = await seedBatch(current());
  return seedRecord(current(), batch.id, completeFields({ firstName: 'Itzel' }));
}

describe('the entry form read ahead of its screen', () => {
  it('draws a stored record in the first render, focused on its first field', async () => {
    const record = await storedRecord();
    await readScreenAhead(current(), paths.record(record.id));
    renderApp(current(), paths.record(record.id));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(fieldByLabel('First name').value).toBe('Itzel');
    expect(document.activeElement).toBe(fieldByLabel('First name'));
  });

  it('draws a new sheet of a batch in the first render, with the batch carried', async () => {
    const batch = await seedBatch(current());
    await readScreenAhead(current(), paths.newRecord(batch.id));
    renderApp(current(), paths.newRecord(batch.id));
    expect(fieldByLabel('Grade').value).toBe(batch.defaults.grade);
  });

  it('is taken once: the next time the screen opens it reads the record as stored then', async () => {
    const record = await storedRecord();
    await readScreenAhead(current(), paths.record(record.id));
    renderApp(current(), paths.record(record.id));
    cleanup();
    await changeRecord(current(), record.id, { fields: { ...record.fields, firstName: 'Xochitl' } });
    renderApp(current(), paths.record(record.id));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect((await screen.findByLabelText('First name', { exact: true }) as HTMLInputElement).value).toBe('Xochitl');
  });

  it('is forgotten when the render that draws the app did not take it', async () => {
    const record = await storedRecord();
    await readScreenAhead(current(), paths.record(record.id));
    dropReadsAhead();
    await changeRecord(current(), record.id, { fields: { ...record.fields, firstName: 'Xochitl' } });
    renderApp(current(), paths.record(record.id));
    expect((await screen.findByLabelText('First name', { exact: true }) as HTMLInputElement).value).toBe('Xochitl');
  });
});
