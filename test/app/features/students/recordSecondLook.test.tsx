// @vitest-environment jsdom
/**
 * Record information for a student whose sheet on this tablet waits in "Needs
 * a second look" with its SSID unsettled: the page says so instead of "None yet".
 * Rendered without a connection, so the page shows what the tablet holds.
 */
import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { saveDraft } from '../../../../src/app/db/applications';
import { createBatch } from '../../../../src/app/db/batches';
import type { SecondLookLine } from '../../../../src/app/db/schema';
import { paths } from '../../../../src/app/paths';
import { seriousViolations } from '../../axe';
import { completeFields, renderApp, screenStorePerTest } from '../../harness';
import { seedRoster, type Rostered } from './fixtures';

const current = screenStorePerTest();
const KALANI: Rostered = { firstName: 'Kalani', lastName: 'Akana', dateOfBirth: '2011-04-09' };
/** The first keyer left the SSID blank; the second and third keyings each read a different number. */
const SSID_UNSETTLED: SecondLookLine = { field: 'ssid', values: ['', '5093718264', '5093718246'] };

/** Puts the student on the roster and their new sheet, in a verifying batch, in a second look on `lines`. */
async function sheetInSecondLook(student: Rostered, lines: SecondLookLine[]): Promise<string> {
  const store = current();
  const [studentId] = await seedRoster(store, [student]);
  const batch = await createBatch(store.db, { schoolId: 'school-lincoln', programYear: '2025-26', sheetCount: 1, defaults: {}, verify: true });
  const fields = completeFields({ firstName: student.firstName, lastName: student.lastName, dateOfBirth: student.dateOfBirth, ssid: '' });
  await saveDraft(store.db, { id: studentId!, studentId: studentId!, batchId: batch.id, createdAt: Date.now(), ssidRekey: '', fields, secondLook: lines });
  return studentId!;
}

/** Waits for the SSID line to settle on `text`: the roster and the sheets arrive from their own reads. */
async function ssidLineReads(text: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('record-ssid').textContent).toBe(text));
}

describe('Record information for a sheet in "Needs a second look"', () => {
  it('says the SSID waits for a second look at the paper, not "None yet"', async () => {
    const studentId = await sheetInSecondLook(KALANI, [SSID_UNSETTLED]);
    renderApp(current(), paths.student(studentId, 'record-information'));
    await ssidLineReads('Waits for a second look at the paper');
    for (const value of SSID_UNSETTLED.values.filter(Boolean)) expect(document.body.textContent).not.toContain(value);
    expect(await seriousViolations()).toEqual([]);
  });

  it('says "None yet" when the second look is about another field', async () => {
    const studentId = await sheetInSecondLook(KALANI, [{ field: 'lastName', values: ['Akana', 'Akama', 'Akena'] }]);
    renderApp(current(), paths.student(studentId, 'record-information'));
    // The name comes with the tablet's sheets of the student: once it shows, the line has read them too.
    await screen.findByRole('heading', { level: 1, name: 'Akana, Kalani' });
    await ssidLineReads('None yet');
    expect(screen.queryByText(/waits for a second look/i)).toBeNull();
  });

  it('keeps the SSID the roster has, and says a new sheet’s SSID waits for a second look', async () => {
    const studentId = await sheetInSecondLook({ ...KALANI, ssid: '4821937560' }, [SSID_UNSETTLED]);
    renderApp(current(), paths.student(studentId, 'record-information'));
    await ssidLineReads('••••••7560');
    expect(await screen.findByText(/has a CA SSID the keyers did not agree on; it waits for a second look at the paper/)).toBeTruthy();
  });
});
