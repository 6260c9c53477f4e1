// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { watchActivity } from '../../../src/app/crypto/activity';

function recorder() {
  const calls: string[] = [];
  return { calls, vault: { noteActivity: () => calls.push('activity'), checkIdle: () => calls.push('check') } };
}

describe('watchActivity', () => {
  it('counts touches and key presses as activity', () => {
    const { calls, vault } = recorder();
    const stop = watchActivity(vault, document);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    stop();
    expect(calls).toEqual(['activity', 'activity']);
  });

  it('re-checks the idle deadline when the page becomes visible again', () => {
    const { calls, vault } = recorder();
    const stop = watchActivity(vault, document);
    document.dispatchEvent(new Event('visibilitychange'));
    stop();
    expect(calls).toEqual(['check']);
  });

  it('stops listening once stopped', () => {
    const { calls, vault } = recorder();
    watchActivity(vault, document)();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(calls).toEqual([]);
  });
});
