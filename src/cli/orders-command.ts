import type { Command } from 'commander';
import type { ActorOption } from './orders-actions.js';
import { osUserName } from './os-user-name.js';
import type { CliOutput } from './output.js';

/**
 * `edi-gateway orders timeline|recheck`: an order's story, and the re-check of held orders after
 * a master-data load, against the gateway's database and Redis like `transmissions`. Audited
 * under `--actor`. The store and the queues are loaded when a subcommand runs, not when it is
 * registered.
 *
 * @example
 * registerOrderCommands(program, output, (code) => (exitCode = code));
 */
export function registerOrderCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  const group = program.command('orders').description('orders: timelines and held-order re-checks (audited)');
  const actorOption = ['--actor <name>', 'who does this, for the audit trail', osUserName()] as const;

  group
    .command('timeline')
    .description('received, acknowledged, shipped, invoiced, paid, and what was not delivered')
    .argument('<order-id>', 'as `GET /api/orders` shows it (purchase_order:...)')
    .option('--json', 'a JSON array instead of lines')
    .option(...actorOption)
    .action(async (id: string, opts: ActorOption & { json?: boolean }) => {
      const { printOrderTimeline } = await import('./orders-actions.js');
      await printOrderTimeline(id, opts, output);
      setExitCode(0);
    });

  group
    .command('recheck')
    .description('run the checks of held orders again (after loading the catalog, prices or stock)')
    .argument('[order-id]', 'one order; without it, every held order')
    .option('--partner <id>', 'every held order of this partner')
    .option(...actorOption)
    .action(async (id: string | undefined, opts: ActorOption & { partner?: string }) => {
      const { recheckOrders } = await import('./orders-actions.js');
      await recheckOrders(id, opts, output);
      setExitCode(0);
    });
}
