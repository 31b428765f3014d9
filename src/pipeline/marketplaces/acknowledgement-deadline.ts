import type { PartnerRegistry } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import { emittedTransmissionId } from '../emit-document.js';
import { ORDER_SUBJECT } from '../orders/index.js';
import { raiseOnce } from '../reconciliation/raise-once.js';
import { answersMarketplaceOrders } from './requests.js';

/** The exception raised on an order whose marketplace acknowledgement is late or about to be. */
export const ACK_DUE_KIND = 'marketplace-ack-due';

/** Walmart cancels an order, and counts it against the seller, when it is not acknowledged in 4 hours. */
export const WALMART_ACK_WINDOW_MS = 4 * 60 * 60 * 1000;

export interface AckDeadlineOptions {
  /** How long before the window closes staff are told. Default 1 hour. */
  warnBeforeMs?: number;
  /** Orders looked at per account and run. Default 1,000. */
  limit?: number;
}

// An order the marketplace has not been told about yet: not answered, or its answer not delivered.
const UNANSWERED = ['open', 'on_hold', 'acknowledged'] as const;

/**
 * Raises a `marketplace-ack-due` exception on each order of an account that must be acknowledged
 * (Walmart: within 4 hours of the order) when the window closes within `warnBeforeMs` and the
 * acknowledgement has not reached the marketplace: the order is held, waits for stock, or its
 * call keeps failing. Counted from when the gateway took the order, which is at or after
 * Walmart's own clock starts, so the warning comes no later than the window allows. One
 * exception per order, however often it runs. Returns the ids raised.
 *
 * @example
 * await flagDueMarketplaceAcks({ partners, repositories }, new Date());
 */
export async function flagDueMarketplaceAcks(
  deps: { partners: PartnerRegistry; repositories: Repositories },
  now: Date,
  options: AckDeadlineOptions = {},
): Promise<number[]> {
  const warnAt = WALMART_ACK_WINDOW_MS - (options.warnBeforeMs ?? 60 * 60 * 1000);
  const raised: number[] = [];
  const { repositories } = deps;
  for (const partner of deps.partners.all()) {
    if (partner.kind !== 'marketplace' || !partner.enabled || !answersMarketplaceOrders(partner)) continue;
    for (const status of UNANSWERED) {
      const orders = await repositories.orders.list({
        partnerId: partner.id,
        status,
        kind: 'order',
        limit: options.limit ?? 1000,
      });
      for (const order of orders) {
        const age = now.getTime() - order.createdAt.getTime();
        if (age < warnAt || age > 2 * WALMART_ACK_WINDOW_MS) continue;
        if (order.ackDocumentId !== null) {
          const answer = await repositories.transmissions.summary(emittedTransmissionId(order.ackDocumentId));
          if (answer === null || answer.status === 'sent') continue;
        }
        const closesAt = new Date(order.createdAt.getTime() + WALMART_ACK_WINDOW_MS);
        const state =
          order.ackDocumentId === null
            ? `is ${order.status.replace('_', ' ')} and not acknowledged`
            : 'has an acknowledgement that has not been delivered';
        const id = await raiseOnce(
          repositories.exceptions,
          {
            partnerId: partner.id,
            subjectType: ORDER_SUBJECT,
            subjectId: order.id,
            kind: ACK_DUE_KIND,
            message: `${partner.transport.platform} order ${order.poNumber} ${state}; ${partner.transport.platform} cancels it if it is not acknowledged by ${closesAt.toISOString()}`,
            details: { poNumber: order.poNumber, closesAt: closesAt.toISOString() },
            at: now,
          },
          { key: 'deadline', value: closesAt.toISOString() },
        );
        if (id !== undefined) raised.push(id);
      }
    }
  }
  return raised;
}
