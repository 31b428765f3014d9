/** The length of the buckets a KPI report is cut into. All boundaries are UTC. */
export type KpiPeriod = 'day' | 'week' | 'month';

export const KPI_PERIODS: readonly KpiPeriod[] = ['day', 'week', 'month'];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The start of the bucket holding `at`: midnight UTC of its day, of the Monday of its ISO week, or
 * of the first of its month.
 *
 * @example
 * bucketStart(new Date('2026-01-04T23:00:00Z'), 'week'); // 2025-12-29T00:00:00Z, a Monday
 */
export function bucketStart(at: Date, period: KpiPeriod): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (period === 'day') return new Date(day);
  if (period === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  // getUTCDay: Sunday 0 ... Saturday 6; days since the last Monday.
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: Date, period: KpiPeriod): Date {
  if (period === 'day') return new Date(start.getTime() + DAY_MS);
  if (period === 'week') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/**
 * Every bucket start that overlaps `[from, to)`, in order. The first may lie before `from`: a
 * bucket cut by the range still counts only the facts inside the range.
 *
 * @example
 * bucketStarts(new Date('2026-01-01'), new Date('2026-01-15'), 'week').length; // 3
 */
export function bucketStarts(from: Date, to: Date, period: KpiPeriod): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(from, period); start < to; start = nextBucketStart(start, period)) {
    starts.push(start);
  }
  return starts;
}
