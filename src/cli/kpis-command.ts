import type { Command } from 'commander';
import type { KpiOptions } from './kpis-actions.js';
import type { CliOutput } from './output.js';

/**
 * `edi-gateway kpis --from D --to D [--period day|week|month] [--partner ID] [--csv|--json]`:
 * order cycle times, fill rate, OTIF, exceptions, line acceptance and 997 timeliness per partner
 * and period, computed from the gateway's database (DATABASE_URL or DATA_DIR), whether the
 * gateway runs or not. The query is validated as `GET /api/kpis` validates it. The store and the
 * KPI queries are loaded when the command runs, not when it is registered.
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
      const { printKpis } = await import('./kpis-actions.js');
      await printKpis(opts, output);
      setExitCode(0);
    });
}
