// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeFields, renderApp, screenStorePerTest, seedRecord, TEST_PASSPHRASE } from '../../harness';
import { FIRST_SCREENFUL } from '../../../../src/app/features/records/useRecordSearch';
import { paths } from '../../../../src/app/paths';

const current = screenStorePerTest();
afterEach(() => vi.restoreAllMocks());

const OLDER = 5;

/** FIRST_SCREENFUL recent records and OLDER ones changed before them, then a lock and unlock: nothing decrypted, as right after unlock. */
async function seedTablet(): Promise<void> {
  const start = Date.now() - 1_000_000;
  for (let i = 0; i < OLDER + FIRST_SCREENFUL; i++) {
    const lastName = i < OLDER ? `Older${String.fromCharCode(65 + i)}` : `Recent${i}`;
    await seedRecord(current(), null, completeFields({ lastName }), undefined, start + i);
  }
  current().vault.lock();
  await current().vault.unlock(TEST_PASSPHRASE);
}

/** Holds the browser's frames, so the screen stays before its first paint until `paint()`. */
function holdFirstPaint(): { paint: () => void } {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  return { paint: () => frames.splice(0).forEach((callback) => callback(performance.now())) };
}

describe('the records list on a tablet with more records than a screenful', () => {
  it('draws the records changed last before the rest is decrypted, says search covers only them until then, then finds every record', async () => {
    await seedTablet();
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const { paint } = holdFirstPaint();
    renderApp(current(), paths.records());

    expect(await screen.findByText(`Showing the ${FIRST_SCREENFUL} records changed last of ${FIRST_SCREENFUL + OLDER}.`, { exact: false })).toBeTruthy();
    expect(screen.getAllByRole('rowheader')).toHaveLength(FIRST_SCREENFUL);
    expect(screen.queryByRole('link', { name: /Older/ })).toBeNull();
    // Only the rows drawn were opened: one decryption each.
    expect(decrypt).toHaveBeenCalledTimes(FIRST_SCREENFUL);

    // A search meanwhile does not pretend to cover the older records.
    fireEvent.input(screen.getByLabelText('Search by name, CA SSID or school'), { target: { value: 'OlderB' } });
    expect(screen.getByRole('status').textContent).toBe(
      `0 of the ${FIRST_SCREENFUL} records changed last match. Still indexing the other ${OLDER} records: until then search looks only at the ${FIRST_SCREENFUL} changed last.`,
    );

    paint();
    expect(await screen.findByText(`1 of ${FIRST_SCREENFUL + OLDER} records match`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'OlderB, Maria' })).toBeTruthy();
    expect(decrypt).toHaveBeenCalledTimes(FIRST_SCREENFUL + OLDER);
  });

  it('takes a tablet whose records all fit the first screenful as indexed at once', async () => {
    for (const lastName of ['Lopez', 'Nguyen']) await seedRecord(current(), null, completeFields({ lastName }));
    holdFirstPaint();
    renderApp(current(), paths.records());
    expect(await screen.findByText('2 records on this tablet')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Search by name, CA SSID or school'), { target: { value: 'nguyen' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 of 2 records match'));
  });
});
