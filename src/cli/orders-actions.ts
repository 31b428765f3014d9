import { orderTimeline, recheckHeldOrder, recheckHeldOrders } from '../pipeline/index.js';
import type { CliOutput } from './output.js';
import { withDeps } from './support-deps.js';

/** `--actor`, shared by every `orders` subcommand. */
export interface ActorOption {
  actor: string;
}

/**
 * `orders timeline <order-id>`: the order's events, as lines or JSON. Loaded only when the
 * command runs, since it opens the store.
 *
 * @example
 * await printOrderTimeline('purchase_order:acme:4500012345', { actor: 'ana' }, output);
 */
export async function printOrderTimeline(
  id: string,
  opts: ActorOption & { json?: boolean },
  output: CliOutput,
): Promise<void> {
  const events = await withDeps(false, (deps) => orderTimeline(id, opts.actor, deps));
  output.out(
    opts.json === true
      ? `${JSON.stringify(events, null, 2)}\n`
      : events.map((e) => `${new Date(e.at).toISOString()}  ${e.kind.padEnd(13)} ${e.detail}\n`).join(''),
  );
}

/**
 * `orders recheck [order-id]`: runs the checks of one held order, of a partner's or of all of
 * them again, and prints the result as JSON.
 *
 * @example
 * await recheckOrders(undefined, { partner: 'acme', actor: 'ana' }, output);
 */
export async function recheckOrders(
  id: string | undefined,
  opts: ActorOption & { partner?: string },
  output: CliOutput,
): Promise<void> {
  const result = await withDeps<unknown>(true, (deps) =>
    id === undefined
      ? recheckHeldOrders(opts.partner === undefined ? {} : { partnerId: opts.partner }, opts.actor, deps)
      : recheckHeldOrder(id, opts.actor, deps),
  );
  output.out(`${JSON.stringify(result, null, 2)}\n`);
}
