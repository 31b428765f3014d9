import type { Command } from 'commander';
import { osUserName } from './os-user-name.js';
import type { CliOutput } from './output.js';
import type { ActorOption, ListOptions } from './transmissions-actions.js';
import { addFilterOptions } from './transmission-filter-options.js';
import { registerBulkCommands } from './transmissions-bulk-command.js';

/**
 * `edi-gateway transmissions list|show|resend|reprocess`: the support operations, run against
 * the gateway's database (DATABASE_URL or DATA_DIR) and, to resend or reprocess, its Redis
 * (REDIS_URL, QUEUE_PREFIX). The gateway need not run; its workers pick the jobs up when it does.
 * Every operation is audited under `--actor` (default: the OS user). The store and the queues are
 * loaded when a subcommand runs, not when it is registered.
 *
 * @example
 * registerTransmissionCommands(program, output, (code) => (exitCode = code));
 */
export function registerTransmissionCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  const group = program
    .command('transmissions')
    .description('support operations on stored transmissions: list, show, resend, reprocess (audited)');
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  const list = group
    .command('list')
    .description('transmissions, newest first, a page at a time; search by business and control numbers');
  addFilterOptions(list)
    .option('--limit <n>', 'at most this many (1-1000)', '50')
    .option('--cursor <next>', 'the page after the one that printed this "next"')
    .option('--json', 'JSON { transmissions, next } instead of a table')
    .option(...actorOption)
    .action(async (opts: ListOptions) => {
      const { printTransmissionList } = await import('./transmissions-actions.js');
      await printTransmissionList(opts, output);
      setExitCode(0);
    });

  group
    .command('show')
    .description('one transmission: history, envelopes, documents, acknowledgements, exceptions, audit trail')
    .argument('<id>', 'transmission id')
    .option('--json', 'JSON instead of text')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption & { json?: boolean }) => {
      const { printTransmission } = await import('./transmissions-actions.js');
      await printTransmission(id, opts, output);
      setExitCode(0);
    });

  registerBulkCommands(group, output, setExitCode, { actorOption });
}
