import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../config/index.js';
import { computeKpis, kpisTable, kpisToCsv, parseKpiQuery, type KpiReport } from '../kpis/index.js';
import { CliError, USAGE } from './cli-error.js';
import { openConfiguredStore } from './gateway-runtime.js';
import type { CliOutput } from './output.js';

/** The options of `edi-gateway kpis`, as commander parses them. */
export interface KpiOptions {
  from: string;
  to: string;
  period: string;
  partner?: string;
  csv?: boolean;
  json?: boolean;
}

/**
 * `kpis`: validates the query as `GET /api/kpis` does, computes the report from the database and
 * prints it as a table, CSV or JSON. Loaded only when the command runs, since it opens the store.
 *
 * @example
 * await printKpis({ from: '2026-01-01', to: '2026-02-01', period: 'week' }, output);
 */
export async function printKpis(opts: KpiOptions, output: CliOutput): Promise<void> {
  if (opts.csv === true && opts.json === true) {
    throw new CliError('--csv and --json cannot be given together: choose one output form', USAGE);
  }
  const query = parseKpiQuery({
    from: opts.from,
    to: opts.to,
    period: opts.period,
    partner: opts.partner,
  });
  const report = await withStore((orm) => computeKpis(query, { orm }));
  output.out(render(report, opts));
}

function render(report: KpiReport, opts: KpiOptions): string {
  if (opts.csv === true) return kpisToCsv(report);
  if (opts.json === true) return `${JSON.stringify(report, null, 2)}\n`;
  return kpisTable(report);
}

/** Opens the configured store, runs one read, closes it. */
async function withStore<T>(run: (orm: MikroORM) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(loadConfig(process.env), { existing: true });
  try {
    return await run(store.orm);
  } finally {
    await store.close();
  }
}
