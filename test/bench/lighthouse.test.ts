/** Reading a Lighthouse result: the figures the bench reports, and a clear failure when Lighthouse left one out. */
import { describe, expect, it } from 'vitest';
import { scoresOf, type LighthouseResultLike } from '../../bench/measures/lighthouse';

function result(overrides: Partial<LighthouseResultLike['audits']> = {}, score: number | null = 0.874): LighthouseResultLike {
  return {
    categories: { performance: { score } },
    audits: {
      'first-contentful-paint': { numericValue: 1834.2 },
      'largest-contentful-paint': { numericValue: 2410.9 },
      'total-byte-weight': { numericValue: 104_448 },
      'network-requests': { details: { items: [{ resourceSize: 200_000 }, { resourceSize: 140_000 }, {}] } },
      ...overrides,
    },
  };
}

describe('scoresOf', () => {
  it('reports the score out of 100, both paints, bytes transferred and the decoded bytes of every request', () => {
    expect(scoresOf(result())).toEqual({ performance: 87, fcpMs: 1834.2, lcpMs: 2410.9, transferredBytes: 104_448, decodedBytes: 340_000 });
  });

  it('counts no decoded bytes when Lighthouse listed no requests', () => {
    expect(scoresOf(result({ 'network-requests': undefined })).decodedBytes).toBe(0);
  });

  it('refuses a result without a performance score rather than report zero', () => {
    expect(() => scoresOf(result({}, null))).toThrow(/no performance score/);
  });

  it('names the audit that is missing', () => {
    expect(() => scoresOf(result({ 'largest-contentful-paint': {} }))).toThrow(/largest-contentful-paint/);
  });
});
