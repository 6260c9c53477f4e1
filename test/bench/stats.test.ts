import { describe, expect, it } from 'vitest';
import { linkFloorMs, SLOW_LINK } from '../../bench/lib/browser';
import { percentile } from '../../bench/lib/stats';

describe('percentile (nearest rank)', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);

  it.each([[50, 50], [95, 95], [100, 100], [1, 1]])('p%i of 1..100 is %i', (p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('is NaN for no samples rather than a made-up number', () => {
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('the slow link floor', () => {
  it('is the upload at 750 kbit/s plus one round trip', () => {
    // 93,750 bytes is exactly one second at 750 kbit/s.
    expect(linkFloorMs(93_750, 0)).toBeCloseTo(1000 + SLOW_LINK.latencyMs);
  });

  it('adds the download at 1.6 Mbit/s', () => {
    expect(linkFloorMs(0, 200_000)).toBeCloseTo(1000 + SLOW_LINK.latencyMs);
  });
});
