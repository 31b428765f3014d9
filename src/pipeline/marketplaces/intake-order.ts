import type { MarketplacePartnerConfig } from '../../partners/index.js';
import { intakeOnce, type IntakeDeps, type IntakeOutcome } from '../intake.js';
import type { Repositories } from '../../store/index.js';

/** How a marketplace order reached the gateway. */
export interface ReceivedOrder {
  /** The order's JSON as the marketplace sent it (a webhook's raw body, or one order of a pulled page). */
  bytes: Uint8Array;
  /** `pull` or `webhook`, for the transmission's source. */
  via: 'pull' | 'webhook';
  /** The marketplace order id, where known before reading the body (a pull knows it). */
  orderId?: string | undefined;
  /**
   * What makes this delivery the same as an earlier one: the order id and its last-update time for
   * a pull, the event (or webhook) id for a webhook. The same key stores nothing a second time.
   */
  key: string;
}

/**
 * Stores one marketplace order as an inbound transmission before anything reads it, exactly as an
 * X12 file is, and queues its reading. The same order delivered again with the same key (a pull
 * overlapping the last one, a webhook Shopify retried) is the transmission stored the first time:
 * nothing is stored or queued twice. The order id is recorded as a `marketplace-order` reference,
 * so support finds the transmission by it even when the order cannot be mapped.
 *
 * @example
 * await intakeMarketplaceOrder(partner, { bytes, via: 'pull', orderId: '902-3159896-1390916', key: '902-3159896-1390916|2026-12-05T10:00:00Z' }, deps);
 */
export async function intakeMarketplaceOrder(
  partner: MarketplacePartnerConfig,
  order: ReceivedOrder,
  deps: IntakeDeps & { references: Repositories['references'] },
): Promise<IntakeOutcome> {
  const { platform } = partner.transport;
  const outcome = await intakeOnce(
    order.bytes,
    {
      channel: 'marketplace',
      partnerId: partner.id,
      sourceRef: `${platform} ${order.via}${order.orderId === undefined ? '' : ` order ${order.orderId}`}`,
      intakeKey: `marketplace|${partner.id}|${order.via}|${order.key}`,
    },
    deps,
  );
  // Added again on a repeat: a crash may have come between storing and this.
  if (order.orderId !== undefined) {
    await deps.references.add(outcome.transmissionId, [{ kind: 'marketplace-order', value: order.orderId }]);
  }
  return outcome;
}
