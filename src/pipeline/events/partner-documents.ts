import type { CanonicalDocument, CanonicalError, PurchaseOrder } from '../../canonical/index.js';
import { echoIntoInvoice, echoIntoShipNotice, shapeShipNotice } from '../../core/index.js';
import type { X12PartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';

export type PartnerDocuments =
  { ok: true; documents: CanonicalDocument[] } | { ok: false; reason: string; problems: CanonicalError[] };

/**
 * The documents an event becomes for its partner: a shipment shaped to the partner's 856
 * hierarchy (one 856 per order with `perOrder`), and 856s and 810s carrying what the partner's
 * `echo` settings repeat from the original purchase orders, looked up by PO number among the
 * partner's stored orders. An order not found leaves the document as posted.
 *
 * @example
 * const prepared = await partnerDocuments(notice, partner, repositories);
 * if (prepared.ok) await emitDocuments(prepared.documents, id, deps);
 */
export async function partnerDocuments(
  document: CanonicalDocument,
  partner: X12PartnerConfig,
  repositories: Pick<Repositories, 'orders' | 'documents'>,
): Promise<PartnerDocuments> {
  const { options } = partner.documents;
  if (document.type === 'ship_notice') {
    const shaped = shapeShipNotice(document, options['856']);
    if (!shaped.ok) return shaped;
    const echo = options['856'].echo;
    if (echo === undefined) return { ok: true, documents: shaped.notices };
    const poNumbers = document.orders.flatMap((order) =>
      order.poNumber === undefined ? [] : [order.poNumber],
    );
    const orders = await purchaseOrders(partner.id, poNumbers, repositories);
    return { ok: true, documents: shaped.notices.map((notice) => echoIntoShipNotice(notice, orders, echo)) };
  }
  if (document.type === 'invoice' && options['810'].echo !== undefined && document.poNumber !== undefined) {
    const order = (await purchaseOrders(partner.id, [document.poNumber], repositories)).get(
      document.poNumber,
    );
    return {
      ok: true,
      documents: [order === undefined ? document : echoIntoInvoice(document, order, options['810'].echo)],
    };
  }
  return { ok: true, documents: [document] };
}

/** The partner's latest purchase order (not a cancellation) of each PO number, where stored. */
async function purchaseOrders(
  partnerId: string,
  poNumbers: readonly string[],
  repositories: Pick<Repositories, 'orders' | 'documents'>,
): Promise<Map<string, PurchaseOrder>> {
  const found = new Map<string, PurchaseOrder>();
  for (const poNumber of new Set(poNumbers)) {
    const summaries = await repositories.orders.withPoNumber(partnerId, poNumber);
    const latest = summaries
      .filter((summary) => summary.kind === 'order')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (latest === undefined) continue;
    const stored = await repositories.documents.get(latest.id);
    if (stored?.document['type'] === 'purchase_order')
      found.set(poNumber, stored.document as unknown as PurchaseOrder);
  }
  return found;
}
