/**
 * The `p`-quantile (0..1) of `values`, interpolated linearly between the two nearest ranks as
 * PostgreSQL's `percentile_cont` does, so figures match a query run by hand. Null when there are
 * no values: a KPI without data is unknown, not zero.
 *
 * @example
 * percentile([1, 3], 0.5); // 2
 * percentile([1, 3], 0.9); // 2.8
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}

/** Count, median and 90th percentile of durations, rounded to 2 decimals of their unit. */
export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

const round2 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

/** Summarises durations given in milliseconds, in `unitMs` units (3_600_000 for hours). */
export function summariseDurations(durationsMs: readonly number[], unitMs: number): DurationSummary {
  const inUnits = durationsMs.map((ms) => ms / unitMs);
  return {
    count: inUnits.length,
    median: round2(percentile(inUnits, 0.5)),
    p90: round2(percentile(inUnits, 0.9)),
  };
}
