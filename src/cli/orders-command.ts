import type { Command } from 'commander';
import { orderTimeline, recheckHeldOrder, recheckHeldOrders } from '../pipeline/index.js';
import { osUserName } from './gateway-runtime.js';
import type { CliOutput } from './output.js';
import { withDeps } from './transmissions-command.js';

interface ActorOption {
  actor: string;
}

/**
 * `edi-gateway orders timeline|recheck`: an order's story, and the re-check of held orders after
 * a master-data load, against the gateway's database and Redis like `transmissions`. Audited
 * under `--actor`.
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
      const events = await withDeps(false, (deps) => orderTimeline(id, opts.actor, deps));
      output.out(
        opts.json === true
          ? `${JSON.stringify(events, null, 2)}\n`
          : events.map((e) => `${new Date(e.at).toISOString()}  ${e.kind.padEnd(13)} ${e.detail}\n`).join(''),
      );
      setExitCode(0);
    });

  group
    .command('recheck')
    .description('run the checks of held orders again (after loading the catalog, prices or stock)')
    .argument('[order-id]', 'one order; without it, every held order')
    .option('--partner <id>', 'every held order of this partner')
    .option(...actorOption)
    .action(async (id: string | undefined, opts: ActorOption & { partner?: string }) => {
      const result = await withDeps<unknown>(true, (deps) =>
        id === undefined
          ? recheckHeldOrders(opts.partner === undefined ? {} : { partnerId: opts.partner }, opts.actor, deps)
          : recheckHeldOrder(id, opts.actor, deps),
      );
      output.out(`${JSON.stringify(result, null, 2)}\n`);
      setExitCode(0);
    });
}
