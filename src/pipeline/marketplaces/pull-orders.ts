import { createHash } from 'node:crypto';
import type { MarketplaceConnector } from '../../marketplaces/index.js';
import type { MarketplacePartnerConfig } from '../../partners/index.js';
import type { MarketplaceCursorStore, Repositories } from '../../store/index.js';
import type { InboxPass, IntakeDeps } from '../intake.js';
import { intakeMarketplaceOrder } from './intake-order.js';

/** What a pull stores besides transmissions: the cursor, and the order ids support searches by. */
export interface MarketplacePullDeps extends IntakeDeps {
  references: Repositories['references'];
  marketplaceCursors: MarketplaceCursorStore;
}

/** Pages taken in one pull at most; the rest wait for the next poll, so one account cannot hog a worker. */
const MAX_PAGES = 50;

/** Orders of a page stored at once: within the store's pool, and a failure stops the page. */
const STORE_AT_ONCE = 8;

/**
 * One pull of a marketplace account: from the stored cursor (or the partner's first-pull window),
 * page by page, each order is stored as an inbound transmission and queued, and only then is the
 * page's cursor saved. A process that dies mid-page pulls that page again, and its orders, having
 * the same id and update time, are the transmissions stored the first time. An order updated
 * since comes with a new update time, so it is stored again and read as an update. Stops between
 * pages when the process stops.
 *
 * @example
 * const { stored, alreadyStored } = await pullMarketplaceOnce(connector, partner, deps);
 */
export async function pullMarketplaceOnce(
  connector: MarketplaceConnector,
  partner: MarketplacePartnerConfig,
  deps: MarketplacePullDeps,
  stop?: AbortSignal,
): Promise<InboxPass> {
  const pass: InboxPass = { stored: [], alreadyStored: [] };
  let cursor = (await deps.marketplaceCursors.get(partner.id))?.cursor;
  for (let page = 0; page < MAX_PAGES && stop?.aborted !== true; page += 1) {
    const taken = await connector.pullOrders(cursor);
    // A page's orders are stored side by side (each its own transmission and key), in slices:
    // one at a time spent 15-30 ms per order waiting on the database.
    for (let start = 0; start < taken.orders.length; start += STORE_AT_ONCE) {
      const slice = taken.orders.slice(start, start + STORE_AT_ONCE);
      const outcomes = await Promise.all(
        slice.map((order) => {
          const bytes = Buffer.from(JSON.stringify(order.body), 'utf8');
          const version = order.updatedAt ?? createHash('sha256').update(bytes).digest('hex');
          return intakeMarketplaceOrder(
            partner,
            { bytes, via: 'pull', orderId: order.orderId, key: `${order.orderId}|${version}` },
            deps,
          );
        }),
      );
      for (const outcome of outcomes)
        (outcome.duplicate ? pass.alreadyStored : pass.stored).push(outcome.transmissionId);
    }
    // Only once every order of the page is stored: a failure above leaves the cursor before it.
    await deps.marketplaceCursors.save(partner.id, taken.nextCursor, taken.orders.length);
    cursor = taken.nextCursor;
    if (!taken.more) break;
  }
  return pass;
}
