/**
 * Key performance indicators per partner and period, computed from stored facts: order cycle
 * times, fill rate, OTIF, exceptions per 1,000 orders, line acceptance and 997 timeliness both ways.
 */
export { computeKpis, type KpiDeps } from './compute-kpis.js';
export { bucketStart, bucketStarts, nextBucketStart, KPI_PERIODS, type KpiPeriod } from './kpi-buckets.js';
export { KpiError, type KpiErrorCode } from './kpi-error.js';
export {
  KPI_MAX_RANGE_DAYS,
  KpiQuerySchema,
  kpiResponseFormat,
  parseKpiQuery,
  validateKpiQuery,
  type KpiQuery,
  type KpiQueryText,
} from './kpi-query.js';
export { KPI_COLUMNS, KpiReportSchema, KpiRowSchema, type KpiReport, type KpiRow } from './kpi-report.js';
export { csvCell, kpisToCsv } from './kpis-csv.js';
export { kpisTable } from './kpis-table.js';
export { percentile, summariseDurations, type DurationSummary } from './percentile.js';
