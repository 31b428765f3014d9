import type {
  CanonicalDocument,
  PurchaseOrder,
  PurchaseOrderAck,
  ShipNotice,
  ShipNoticeItem,
  ShipNoticeOrder,
} from '../../canonical/index.js';
import { GatewayError, isGatewayError } from '../../errors/index.js';
import type { LineCancellation, ShipmentConfirmation } from '../../marketplaces/index.js';
import type { MarketplacePartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import { derivedUuid } from '../acknowledge-interchange.js';
import { enqueueOutbound, type JobQueue } from '../job-queue.js';

/** One call to a marketplace API, stored as an outbound transmission before it is made. */
export type MarketplaceRequest =
  | { operation: 'acknowledgeOrder'; orderId: string }
  | { operation: 'confirmShipment'; shipment: ShipmentConfirmation }
  | { operation: 'cancelLines'; cancellation: LineCancellation };

/** The order a request is about. */
export function requestOrderId(request: MarketplaceRequest): string {
  switch (request.operation) {
    case 'acknowledgeOrder':
      return request.orderId;
    case 'confirmShipment':
      return request.shipment.orderId;
    case 'cancelLines':
      return request.cancellation.orderId;
  }
}

/**
 * Whether the marketplace is told that the seller took an order: Walmart asks for an
 * acknowledgement of every order within 4 hours; Amazon and Shopify have no such call, so their
 * answers are only kept.
 */
export function answersMarketplaceOrders(partner: MarketplacePartnerConfig): boolean {
  return partner.transport.platform === 'walmart';
}

const REJECTED: ReadonlySet<string> = new Set(['rejected', 'deleted']);

// Carrier names as the marketplaces list them, by the SCAC an ERP writes in an 856.
const CARRIER_BY_SCAC: Readonly<Record<string, string>> = {
  UPSN: 'UPS',
  UPSS: 'UPS',
  UPGF: 'UPS',
  FDEG: 'FedEx',
  FDEX: 'FedEx',
  FDE: 'FedEx',
  FXFE: 'FedEx',
  USPS: 'USPS',
  DHLC: 'DHL',
  DHL: 'DHL',
  OTRC: 'OnTrac',
  LSOB: 'LSO',
};

type OrderLookup = (poNumber: string) => Promise<PurchaseOrder | undefined>;

/**
 * The API calls a document becomes for a marketplace account:
 * - an order acknowledgement (855): Walmart's `acknowledge`, and a line cancellation for the
 *   lines the core rejected (all of them when the order was rejected); nothing for Amazon and
 *   Shopify;
 * - a ship notice (856): one shipment confirmation per order it carries, naming the
 *   marketplace's own line ids (the `LI` reference of the order's line, else its line number),
 *   the carrier (by name, from the SCAC where it is a known one) and the tracking number.
 * Anything else is refused by name: marketplaces take no invoices.
 *
 * @example
 * await marketplaceRequests(shipNotice, partner, (po) => findOrder(po)); // [{ operation: 'confirmShipment', ... }]
 */
export async function marketplaceRequests(
  document: CanonicalDocument,
  partner: MarketplacePartnerConfig,
  orderOf: OrderLookup,
): Promise<MarketplaceRequest[]> {
  switch (document.type) {
    case 'purchase_order_ack':
      return answerRequests(document, partner, orderOf);
    case 'ship_notice':
      return shipmentRequests(document, partner, orderOf);
    default:
      throw refused(
        `partner ${partner.id} is a ${partner.transport.platform} account: ${document.type} documents are not sent to a marketplace`,
      );
  }
}

async function answerRequests(
  ack: PurchaseOrderAck,
  partner: MarketplacePartnerConfig,
  orderOf: OrderLookup,
): Promise<MarketplaceRequest[]> {
  if (!answersMarketplaceOrders(partner)) return [];
  const order = await orderOf(ack.poNumber);
  if (order === undefined) throw refused(`no order ${ack.poNumber} of partner ${partner.id} to answer`);
  const rejected = ack.lines.filter((line) => line.statuses.some((s) => REJECTED.has(s.status)));
  const requests: MarketplaceRequest[] = [];
  if (rejected.length < ack.lines.length)
    requests.push({ operation: 'acknowledgeOrder', orderId: order.poNumber });
  if (rejected.length > 0) {
    requests.push({
      operation: 'cancelLines',
      cancellation: {
        orderId: order.poNumber,
        reason: 'SELLER_CANCEL_OUT_OF_STOCK',
        lines: rejected.map((line) => {
          const ordered = order.lines.find((candidate) => candidate.lineNumber === line.lineNumber);
          if (ordered === undefined) throw refused(`order ${order.poNumber} has no line ${line.lineNumber}`);
          return { lineId: lineIdOf(ordered), quantity: line.quantityOrdered ?? ordered.quantity };
        }),
      },
    });
  }
  return requests;
}

async function shipmentRequests(
  notice: ShipNotice,
  partner: MarketplacePartnerConfig,
  orderOf: OrderLookup,
): Promise<MarketplaceRequest[]> {
  const carrier = notice.carriers?.[0];
  const carrierName =
    carrier?.routing ??
    (carrier?.scac === undefined ? undefined : (CARRIER_BY_SCAC[carrier.scac] ?? carrier.scac));
  const shippedOn = notice.dates.find((entry) => entry.type === 'shipped')?.date ?? notice.shipmentDate;
  const requests: MarketplaceRequest[] = [];
  for (const shipped of notice.orders) {
    if (shipped.poNumber === undefined)
      throw refused(`ship notice ${notice.shipmentId} has an order without a PO number`);
    const order = await orderOf(shipped.poNumber);
    if (order === undefined) {
      throw refused(
        `ship notice ${notice.shipmentId}: partner ${partner.id} has no order ${shipped.poNumber}`,
      );
    }
    const tracking = trackingOf(notice, shipped);
    if (tracking === undefined) {
      throw refused(
        `ship notice ${notice.shipmentId}: order ${shipped.poNumber} has no tracking number, which ${partner.transport.platform} needs`,
      );
    }
    if (carrierName === undefined) {
      throw refused(
        `ship notice ${notice.shipmentId} names no carrier (carriers[0].scac or routing), which ${partner.transport.platform} needs`,
      );
    }
    requests.push({
      operation: 'confirmShipment',
      shipment: {
        orderId: order.poNumber,
        carrier: carrierName,
        trackingNumber: tracking,
        shippedAt: `${shippedOn}T${timeOf(notice.shipmentTime)}Z`,
        lines: itemsOf(shipped).map((item) => ({
          lineId: lineIdOf(orderLineFor(item, order, notice.shipmentId)),
          quantity: item.quantityShipped,
        })),
      },
    });
  }
  return requests;
}

/** HH:MM:SS of an ISO time (HH:MM or HH:MM:SS...); noon when the notice gives none. */
function timeOf(time: string | undefined): string {
  if (time === undefined) return '12:00:00';
  return time.length === 5 ? `${time}:00` : time.slice(0, 8);
}

/** The marketplace's id of an order line: the `LI` reference the mapping kept, else the line number. */
function lineIdOf(line: PurchaseOrder['lines'][number]): string {
  return line.references?.find((reference) => reference.qualifier === 'LI')?.value ?? line.lineNumber;
}

/** The ordered line a shipped item is, by line number, else by SKU or vendor part number. */
function orderLineFor(
  item: ShipNoticeItem,
  order: PurchaseOrder,
  shipmentId: string,
): PurchaseOrder['lines'][number] {
  const byNumber =
    item.lineNumber === undefined ? undefined : order.lines.find((l) => l.lineNumber === item.lineNumber);
  if (byNumber !== undefined) return byNumber;
  const ids = item.ids as Record<string, string | undefined>;
  const found = order.lines.find((line) => {
    const ordered = line.ids as Record<string, string | undefined>;
    return ['sku', 'vendorPartNumber', 'buyerPartNumber', 'asin', 'upc', 'gtin'].some(
      (key) => ids[key] !== undefined && ids[key] === ordered[key],
    );
  });
  if (found === undefined) {
    throw refused(
      `ship notice ${shipmentId}: an item (line ${item.lineNumber ?? 'unnumbered'}) matches no line of order ${order.poNumber}`,
    );
  }
  return found;
}

function itemsOf(order: ShipNoticeOrder): ShipNoticeItem[] {
  return [
    ...order.items,
    ...order.packs.flatMap((pack) => pack.items),
    ...order.tares.flatMap((tare) => [...tare.items, ...tare.packs.flatMap((pack) => pack.items)]),
  ];
}

function trackingOf(notice: ShipNotice, order: ShipNoticeOrder): string | undefined {
  const packs = [...order.packs, ...order.tares.flatMap((tare) => tare.packs)];
  return (
    order.trackingNumbers?.[0] ??
    packs.find((pack) => pack.trackingNumbers?.[0] !== undefined)?.trackingNumbers?.[0] ??
    notice.trackingNumbers?.[0] ??
    notice.references.find((reference) => reference.qualifier === 'CN')?.value
  );
}

/**
 * Stores the marketplace calls a document becomes, one outbound transmission each (so that one
 * refused call does not repeat the others on retry), and queues their delivery. The first one's
 * id is `firstId`, the others derived from it: a rerun finds them stored and queues them again
 * (the job ids dedupe), changing nothing. Returns the ids.
 */
export async function storeMarketplaceRequests(
  requests: readonly MarketplaceRequest[],
  firstId: string,
  partner: MarketplacePartnerConfig,
  deps: { repositories: Repositories; queues: JobQueue; now?: (() => Date) | undefined },
): Promise<string[]> {
  const ids: string[] = [];
  const { repositories } = deps;
  for (const [index, request] of requests.entries()) {
    const id = index === 0 ? firstId : derivedUuid(`${firstId}:${index}`);
    const orderId = requestOrderId(request);
    try {
      await repositories.transmissions.recordOutbound(Buffer.from(JSON.stringify(request), 'utf8'), {
        id,
        partnerId: partner.id,
        channel: 'marketplace',
        sourceRef: `${partner.transport.platform}-${request.operation}-${orderId}.json`,
        ...(deps.now === undefined ? {} : { createdAt: deps.now() }),
      });
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
    }
    await repositories.references.add(id, [{ kind: 'marketplace-order', value: orderId }]);
    await enqueueOutbound(
      deps.queues,
      id,
      `out-${id}`,
      request.operation === 'acknowledgeOrder' ? 'prompt' : 'routine',
    );
    ids.push(id);
  }
  return ids;
}

function refused(message: string): GatewayError {
  return new GatewayError('emit-not-supported', message, { permanent: true, status: 422 });
}
