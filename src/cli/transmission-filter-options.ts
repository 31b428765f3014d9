import type { Command } from 'commander';
import type { ListFilterText } from '../pipeline/index.js';

/**
 * The search and filter options shared by `list`, `resend` and `reprocess`.
 *
 * @example
 * addFilterOptions(group.command('list')).option('--json', 'JSON instead of a table');
 */
export function addFilterOptions(command: Command): Command {
  return command
    .option(
      '--status <status>',
      'only this status: received, processing, processed, rejected, failed, sent, acknowledged',
    )
    .option('--partner <id>', 'only this partner')
    .option('--direction <direction>', 'inbound or outbound')
    .option('--from <date>', 'received on or after (2026-01-01 or an ISO time)')
    .option('--to <date>', 'received up to (a date includes its whole day)')
    .option('--type <type>', 'carrying this X12 set (855) or document type (purchase_order)')
    .option('--po <number>', 'carrying this PO number')
    .option('--invoice <number>', 'carrying this invoice number')
    .option('--shipment <id>', 'carrying this shipment id')
    .option('--isa13 <n>', 'with this ISA13 (leading zeros optional)')
    .option('--gs06 <n>', 'with this GS06 (leading zeros optional)')
    .option('--st02 <n>', 'with this ST02 (leading zeros optional)')
    .option('--marketplace-order <id>', 'carrying this marketplace order id')
    .option('--search <text>', 'carrying this number, of any kind');
}

/**
 * The filter options as typed, for `parseListFilter`.
 *
 * @example
 * const filter = parseListFilter(filterText(opts));
 */
export function filterText(opts: ListFilterText & { limit?: string; cursor?: string }): ListFilterText {
  const { status, partner, direction, from, to, type, po, invoice, shipment, isa13, gs06, st02 } = opts;
  return {
    status,
    partner,
    direction,
    from,
    to,
    type,
    po,
    invoice,
    shipment,
    isa13,
    gs06,
    st02,
    marketplaceOrder: opts.marketplaceOrder,
    search: opts.search,
    limit: opts.limit,
    cursor: opts.cursor,
  };
}
