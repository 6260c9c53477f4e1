// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateBanner } from '../../../src/app/shell/UpdateBanner';
import { UpdateContext } from '../../../src/app/shell/useUpdatePrompt';
import { createUpdateChannel } from '../../../src/app/pwa/updates';
import { registerFlush } from '../../../src/app/services/pendingSaves';

afterEach(cleanup);

/** A registration whose worker update the test controls, recording what happened in order. */
function fakeRegistration(events: string[]) {
  let needRefresh: () => void = () => undefined;
  const channel = createUpdateChannel(({ onNeedRefresh }) => {
    needRefresh = onNeedRefresh;
    return async () => {
      events.push('activate and reload');
    };
  });
  return { channel, announce: () => needRefresh() };
}

function renderBanner(channel: ReturnType<typeof createUpdateChannel>) {
  render(
    <UpdateContext.Provider value={channel}>
      <UpdateBanner />
    </UpdateContext.Provider>,
  );
}

describe('update prompt', () => {
  it('shows nothing until a new version is waiting, then offers "Update now"', async () => {
    const { channel, announce } = fakeRegistration([]);
    renderBanner(channel);
    expect(screen.queryByText(/A new version is ready/)).toBeNull();
    announce();
    expect(await screen.findByText(/A new version is ready/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Update now' })).toBeTruthy();
  });

  it('saves pending typing before it reloads', async () => {
    const events: string[] = [];
    const { channel, announce } = fakeRegistration(events);
    const unregister = registerFlush(async () => {
      events.push('draft saved');
      return true;
    });
    renderBanner(channel);
    announce();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(events).toEqual(['draft saved', 'activate and reload']));
    unregister();
  });

  it('does not reload when the typing could not be saved, and says why', async () => {
    const events: string[] = [];
    const { channel, announce } = fakeRegistration(events);
    const unregister = registerFlush(async () => false);
    renderBanner(channel);
    announce();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    expect(await screen.findByText(/could not be saved yet, so the update waits/)).toBeTruthy();
    expect(events).toEqual([]);
    unregister();
  });
});
