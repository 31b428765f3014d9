import type { MikroORM } from '@mikro-orm/core';
import type { Command } from 'commander';
import { loadConfig } from '../config/env.js';
import { computeKpis, kpisTable, kpisToCsv, parseKpiQuery, type KpiReport } from '../kpis/index.js';
import { CliError, USAGE } from './cli-error.js';
import { openConfiguredStore } from './gateway-runtime.js';
import type { CliOutput } from './output.js';

interface KpiOptions {
  from: string;
  to: string;
  period: string;
  partner?: string;
  csv?: boolean;
  json?: boolean;
}

/**
 * `edi-gateway kpis --from D --to D [--period day|week|month] [--partner ID] [--csv|--json]`:
 * order cycle times, fill rate, OTIF, exceptions, line acceptance and 997 timeliness per partner
 * and period, computed from the gateway's database (DATABASE_URL or DATA_DIR), whether the
 * gateway runs or not. The query is validated as `GET /api/kpis` validates it.
 *
 * @example
 * registerKpiCommands(program, output, (code) => (exitCode = code));
 */
export function registerKpiCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  program
    .command('kpis')
    .description('KPIs per partner and period (UTC), computed from what the database holds')
    .requiredOption('--from <date>', 'first day counted, ISO 8601 (2026-01-01)')
    .requiredOption('--to <date>', 'first day not counted, ISO 8601 (2026-02-01)')
    .option('--period <period>', 'bucket length: day, week (from Monday) or month', 'week')
    .option('--partner <id>', 'only this partner')
    .option('--csv', 'every KPI as CSV (RFC 4180) instead of a table')
    .option('--json', 'the report as JSON instead of a table')
    .action(async (opts: KpiOptions) => {
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
      setExitCode(0);
    });
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
