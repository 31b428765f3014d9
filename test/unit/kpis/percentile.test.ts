import { describe, expect, it } from 'vitest';
import { percentile, summariseDurations } from '../../../src/kpis/index.js';

describe('percentile', () => {
  it('interpolates between ranks as percentile_cont does', () => {
    expect(percentile([3, 1], 0.5)).toBe(2);
    expect(percentile([1, 3], 0.9)).toBeCloseTo(2.8, 10);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91, 10);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([4, 1, 2], 0)).toBe(1);
    expect(percentile([4, 1, 2], 1)).toBe(4);
  });

  it('is null without values and refuses p outside 0..1', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it('summarises durations in a unit, rounded to 2 decimals', () => {
    expect(summariseDurations([3_600_000, 3 * 3_600_000], 3_600_000)).toEqual({
      count: 2,
      median: 2,
      p90: 2.8,
    });
    expect(summariseDurations([60_000 / 3], 60_000)).toEqual({ count: 1, median: 0.33, p90: 0.33 });
    expect(summariseDurations([], 60_000)).toEqual({ count: 0, median: null, p90: null });
  });
});
