import type { Command } from 'commander';
import { CliError, USAGE } from './cli-error.js';
import type { CliOutput } from './output.js';
import type { BulkCommandOptions } from './transmissions-bulk-actions.js';
import { addFilterOptions } from './transmission-filter-options.js';

/**
 * `transmissions resend|reprocess [<id...>] [filter] [--dry-run] [--wait]` and `transmissions
 * sweep`: one or several ids, or every transmission a filter matches (at most 1,000), with
 * progress on stderr and, with `--wait`, a summary of how they ended. The store and the queues
 * are loaded when a subcommand runs, not when it is registered.
 *
 * @example
 * registerBulkCommands(group, output, setExitCode, { actorOption });
 */
export function registerBulkCommands(
  group: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
  context: { actorOption: readonly [string, string, string] },
): void {
  for (const operation of ['resend', 'reprocess'] as const) {
    const command = group
      .command(operation)
      .description(
        operation === 'resend'
          ? 'deliver outbound transmissions again (same bytes, same file name): ids, or a filter'
          : 'read inbound transmissions again from their stored bytes, rerunning failed documents: ids, or a filter',
      )
      .argument('[ids...]', 'transmission ids');
    addFilterOptions(command)
      .option('--dry-run', 'list what a filter matches; change nothing')
      .option('--wait', 'wait until each one is delivered or failed, then print a summary')
      .option('--timeout <seconds>', 'how long --wait waits', '120')
      .option('--json', 'the result as JSON')
      .option(...context.actorOption)
      .action(async (ids: string[], opts: BulkCommandOptions) => {
        const { bulkOperation } = await import('./transmissions-bulk-actions.js');
        setExitCode(await bulkOperation(operation, ids, opts, output));
      });
  }

  group
    .command('sweep')
    .description('queue again outbound transmissions waiting in processed with no delivery job')
    .option('--older-than <minutes>', 'waiting longer than this', '10')
    .option('--dry-run', 'list them; queue nothing')
    .action(async (opts: { olderThan: string; dryRun?: boolean }) => {
      const minutes = Number(opts.olderThan);
      if (!Number.isFinite(minutes) || minutes < 0) {
        throw new CliError(
          `--older-than is a number of minutes, not ${JSON.stringify(opts.olderThan)}`,
          USAGE,
        );
      }
      const { sweepStranded } = await import('./transmissions-bulk-actions.js');
      await sweepStranded(minutes, opts.dryRun === true, output);
      setExitCode(0);
    });
}
