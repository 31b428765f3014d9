import type { CanonicalDocument, IsoDate, PurchaseOrder } from '../canonical/index.js';
import {
  completeShipment,
  echoIntoAck,
  echoIntoInvoice,
  echoIntoShipNotice,
  fullAcceptance,
  invoiceInFull,
  shapeShipNotice,
} from '../core/index.js';
import type { X12PartnerConfig } from '../partners/index.js';

/** The documents of one reply set a partner would get for an order, or why it cannot get them. */
export type PartnerReply =
  | { set: '855' | '856' | '810'; ok: true; documents: CanonicalDocument[] }
  | { set: '855' | '856' | '810'; ok: false; reason: string };

/**
 * What the gateway would send the partner back for an order that goes through without a
 * finding: its 855 (accepted in full), the 856 of a complete shipment in the partner's hierarchy
 * and the 810 of the whole order, each with what the partner's `echo` settings repeat from the
 * order. `sets` chooses among them; by default the sets the partner takes (`documents.outbound`).
 * Pure.
 *
 * @example
 * const refused = partnerReplies(po, partner, '2024-03-05').filter((reply) => !reply.ok);
 */
export function partnerReplies(
  order: PurchaseOrder,
  partner: X12PartnerConfig,
  date: IsoDate,
  sets: readonly string[] = partner.documents.outbound,
): PartnerReply[] {
  const { options } = partner.documents;
  const replies: PartnerReply[] = [];
  if (sets.includes('855')) {
    const ack = echoIntoAck(fullAcceptance(order, date), order, options['855'].echo);
    replies.push({ set: '855', ok: true, documents: [ack] });
  }
  if (sets.includes('856')) {
    const shaped = shapeShipNotice(completeShipment(order, date), options['856']);
    const orders = new Map([[order.poNumber, order]]);
    replies.push(
      shaped.ok
        ? {
            set: '856',
            ok: true,
            documents: shaped.notices.map((notice) =>
              echoIntoShipNotice(notice, orders, options['856'].echo),
            ),
          }
        : { set: '856', ok: false, reason: shaped.reason },
    );
  }
  if (sets.includes('810')) {
    const invoice = echoIntoInvoice(invoiceInFull(order, date), order, options['810'].echo);
    replies.push({ set: '810', ok: true, documents: [invoice] });
  }
  return replies;
}
