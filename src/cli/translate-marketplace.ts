import { existsSync } from 'node:fs';
import type { PurchaseOrder } from '../canonical/index.js';
import { mapMarketplaceOrder, orderVersionOf, type MarketplacePlatform } from '../marketplaces/index.js';
import { loadPartners, PartnerRegistry } from '../partners/index.js';
import { CliError } from './cli-error.js';
import type { CliOutput } from './output.js';
import { folders } from './partner-context.js';

/**
 * `edi-gateway translate <order.json>`: marketplace orders into canonical purchase orders, as the
 * gateway maps them when it pulls or is sent them. The file holds one order as the marketplace's
 * API or webhook gives it, or a page of them (Shopify `{ orders }`, Walmart `list.elements.order`);
 * Amazon orders are `{ order, items }` (the order with its `getOrderItems`). With `--partner`, the
 * marketplace account's platform and id are used; without it, the platform is told from the JSON
 * and the documents are given that account's id when one account of that platform is configured.
 * Each refused order is one line on stderr naming the order and the JSON pointer; exit 1 then.
 *
 * @example
 * edi-gateway translate fixtures/marketplace/shopify/shopify-api-ruby__order.json
 */
export function translateMarketplaceJson(
  file: string,
  bytes: Buffer,
  partnerId: string | undefined,
  output: CliOutput,
): number {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CliError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const account = accountFor(file, body, partnerId);
  const { documents, problems, refused } = mapMarketplaceFile(file, body, account.platform, account.id);
  for (const problem of problems) output.err(`error: ${problem}\n`);
  output.out(`${JSON.stringify(documents, null, 2)}\n`);
  return refused > 0 || documents.length === 0 ? 1 : 0;
}

/**
 * Maps every order of a marketplace file (one order, or a page of them) for an account: the
 * purchase orders, and one line per problem of each refused order, naming the file, the order and
 * the JSON pointer. `translate` and `partner check --sample` both stand on it.
 */
export function mapMarketplaceFile(
  file: string,
  body: unknown,
  platform: MarketplacePlatform,
  partnerId: string,
): { documents: PurchaseOrder[]; problems: string[]; refused: number } {
  const documents: PurchaseOrder[] = [];
  const problems: string[] = [];
  let refused = 0;
  for (const [index, order] of ordersOf(platform, body).entries()) {
    const mapped = mapMarketplaceOrder(platform, { orderId: '', body: order }, { partnerId });
    if (mapped.ok) {
      documents.push(mapped.order);
      continue;
    }
    refused += 1;
    const id = orderVersionOf(platform, order)?.orderId ?? `#${index + 1}`;
    for (const problem of mapped.problems) {
      problems.push(`${file}: ${platform} order ${id}: ${problem.path || '/'} ${problem.message}`);
    }
  }
  return { documents, problems, refused };
}

/** The platform and the partner id the documents are given. */
function accountFor(
  file: string,
  body: unknown,
  partnerId: string | undefined,
): { platform: MarketplacePlatform; id: string } {
  const { partnersDir, mappingsDir } = folders({});
  const registry = existsSync(partnersDir)
    ? new PartnerRegistry(loadPartners(partnersDir, { mappingsDir }))
    : undefined;
  if (partnerId !== undefined) {
    const partner = registry?.byId(partnerId);
    if (partner === undefined) throw new CliError(`no partner '${partnerId}' in ${partnersDir}`);
    if (partner.kind !== 'marketplace') {
      throw new CliError(
        `${file}: JSON input: partner '${partnerId}' is an X12 partner; marketplace JSON needs a marketplace account`,
      );
    }
    return { platform: partner.transport.platform, id: partner.id };
  }
  const platform = platformOf(body);
  if (platform === undefined) {
    throw new CliError(
      `${file}: JSON input that is no Amazon ({ order, items }), Shopify (id, line_items) or Walmart (purchaseOrderId, orderLines) order; name the account with --partner`,
    );
  }
  const accounts = (registry?.all() ?? []).filter(
    (partner) => partner.kind === 'marketplace' && partner.transport.platform === platform,
  );
  const [only] = accounts;
  return { platform, id: accounts.length === 1 && only !== undefined ? only.id : platform };
}

/** Which marketplace an order (or page of orders) is from, by the fields only it has. */
function platformOf(body: unknown): MarketplacePlatform | undefined {
  const record = asRecord(body);
  if (record === undefined) return undefined;
  const wrapped = asRecord(record['order']);
  if ('line_items' in record || Array.isArray(record['orders']) || wrapped?.['line_items'] !== undefined) {
    return 'shopify';
  }
  if ('purchaseOrderId' in record || 'list' in record || wrapped?.['purchaseOrderId'] !== undefined)
    return 'walmart';
  if (wrapped?.['AmazonOrderId'] !== undefined) return 'amazon';
  return undefined;
}

/** The orders of a file: one order, or the orders of a page. */
function ordersOf(platform: MarketplacePlatform, body: unknown): unknown[] {
  const record = asRecord(body);
  if (platform === 'shopify' && Array.isArray(record?.['orders'])) return record['orders'] as unknown[];
  if (platform === 'walmart') {
    const page = asRecord(asRecord(asRecord(record?.['list'])?.['elements']))?.['order'];
    if (Array.isArray(page)) return page;
  }
  return [body];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
