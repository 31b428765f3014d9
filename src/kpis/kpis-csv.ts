import { KPI_COLUMNS, type KpiReport } from './kpi-report.js';

/** Spreadsheets run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: empty for null, guarded against formulas, quoted when it must be (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report's rows as RFC 4180 CSV: a header row of the column names, CRLF line ends, a null
 * KPI as an empty cell. A text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`) is prefixed with `'`; numbers are written as they are.
 *
 * @example
 * res.type('text/csv').send(kpisToCsv(report));
 */
export function kpisToCsv(report: KpiReport): string {
  const lines = [KPI_COLUMNS.join(',')];
  for (const row of report.rows) lines.push(KPI_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
