import type { KpiReport, KpiRow } from './kpi-report.js';

/** The columns a person reads first; `--csv` and `--json` carry them all. */
const TABLE_COLUMNS: readonly [string, (row: KpiRow) => string | number | null][] = [
  ['partner', (row) => row.partnerId],
  ['period', (row) => row.periodStart.slice(0, 10)],
  ['orders', (row) => row.orders],
  ['855 h (med)', (row) => row.cycleHours855Median],
  ['ship h (med)', (row) => row.cycleHoursShipMedian],
  ['inv h (med)', (row) => row.cycleHoursInvoiceMedian],
  ['fill', (row) => row.fillRate],
  ['otif', (row) => row.otif],
  ['exc/1000', (row) => row.exceptionsPer1000],
  ['accepted', (row) => row.acceptanceRate],
  ['our 997 min', (row) => row.ack997OursMedianMinutes],
  ['their 997 min', (row) => row.ack997PartnerMedianMinutes],
  ['997 on time', (row) => row.ack997PartnerOnTimeShare],
];

/**
 * The report as an aligned text table, one line per partner and period, `-` for a KPI without
 * data; a line saying so when there are no rows.
 *
 * @example
 * output.out(kpisTable(report));
 */
export function kpisTable(report: KpiReport): string {
  const heading = `KPIs ${report.from} to ${report.to} by ${report.period}\n`;
  if (report.rows.length === 0) return `${heading}no orders or acknowledgements in this range\n`;
  const cells = [
    TABLE_COLUMNS.map(([title]) => title),
    ...report.rows.map((row) => TABLE_COLUMNS.map(([, value]) => String(value(row) ?? '-'))),
  ];
  const widths = TABLE_COLUMNS.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  const lines = cells.map((line) =>
    line
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return `${heading}${lines.join('\n')}\n`;
}
