import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, nextBucketStart } from '../../../src/kpis/index.js';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString().slice(0, 10));

describe('KPI buckets (UTC)', () => {
  it('starts a week on Monday, for every day of the week', () => {
    // 2026-01-05 is a Monday.
    for (let day = 5; day <= 11; day++) {
      const at = new Date(Date.UTC(2026, 0, day, 23, 59, 59));
      expect(bucketStart(at, 'week').toISOString()).toBe('2026-01-05T00:00:00.000Z');
    }
    expect(bucketStart(new Date('2026-01-04T23:59:59.999Z'), 'week').toISOString()).toBe(
      '2025-12-29T00:00:00.000Z',
    );
  });

  it('cuts days and months at UTC midnight whatever the local zone of the instant', () => {
    expect(bucketStart(new Date('2026-03-01T00:30:00+02:00'), 'day').toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
    expect(bucketStart(new Date('2026-03-01T00:30:00+02:00'), 'month').toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(nextBucketStart(new Date('2026-12-01T00:00:00Z'), 'month').toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('lists the buckets overlapping [from, to), the first possibly before from', () => {
    expect(iso(bucketStarts(new Date('2026-01-01'), new Date('2026-01-15'), 'week'))).toEqual([
      '2025-12-29',
      '2026-01-05',
      '2026-01-12',
    ]);
    expect(iso(bucketStarts(new Date('2026-01-01'), new Date('2026-01-03'), 'day'))).toEqual([
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(iso(bucketStarts(new Date('2026-01-31'), new Date('2026-03-01'), 'month'))).toEqual([
      '2026-01-01',
      '2026-02-01',
    ]);
  });
});
