import type { EntityManager } from '@mikro-orm/core';
import type { Invoice, PurchaseOrder, ShipNotice } from '../canonical/index.js';
import { derivedUuid, emittedTransmissionId } from '../pipeline/index.js';
import {
  CanonicalDocumentRecordSchema,
  ExceptionRecordSchema,
  OrderLineRecordSchema,
  OrderRecordSchema,
  OutboundBatchItemSchema,
  type OrderLineStatus,
  type OrderStatus,
} from '../store/index.js';
import type { KpiQuery } from './kpi-query.js';
import { sqlEm } from './sent-times.js';
import { shippedByPoNumber, type OrderedLine, type ShippedItem } from './shipment-items.js';

/** One shipment against an order: when it counts as shipped, and what it shipped. */
export interface ShipmentFact {
  at: Date;
  items: ShippedItem[];
}

/** Everything the order KPIs read about one purchase order, as stored. */
export interface OrderFact {
  id: string;
  partnerId: string;
  poNumber: string;
  status: OrderStatus;
  /** When the gateway stored the order: the start of every cycle time. */
  receivedAt: Date;
  lines: (OrderedLine & { status: OrderLineStatus })[];
  acknowledged: boolean;
  /**
   * The PO's `requested_ship` date (DTM 010), else its `ship_not_after` (DTM 038): OTIF compares
   * our ship date with a ship date. A delivery date is not used, as we do not know when goods arrive.
   */
  requestedShipDate: string | null;
  ackSentAt: Date | null;
  shipments: ShipmentFact[];
  invoicedAt: Date | null;
  exceptions: number;
}

/** A ship notice or invoice stored for a partner, with the outbound transmission that carries it. */
interface FollowUp {
  partnerId: string;
  poNumbers: Map<string, ShippedItem[]>;
  transmissionId: string;
  createdAt: Date;
  type: 'ship_notice' | 'invoice';
}

function requestedShipDate(po: PurchaseOrder | undefined): string | null {
  const dates = po?.dates ?? [];
  const entry =
    dates.find((d) => d.type === 'requested_ship') ?? dates.find((d) => d.type === 'ship_not_after');
  return entry?.date ?? null;
}

/**
 * A sub-query of one column of the orders in the range, for `$in`. The SQL drivers take a query
 * builder wherever `$in` takes a list; the filter's type only knows lists.
 */
function ordersInRange(em: EntityManager, query: KpiQuery, column: 'id' | 'partnerId' | 'ackDocumentId') {
  const knex = sqlEm(em)
    .createQueryBuilder(OrderRecordSchema, 'o')
    .select(`o.${column}`)
    .where(orderFilter(query))
    .getKnexQuery();
  return { $in: knex as unknown as string[] };
}

function orderFilter(query: KpiQuery) {
  return {
    kind: 'order' as const,
    createdAt: { $gte: query.from, $lt: query.to },
    ...(query.partnerId === undefined ? {} : { partnerId: query.partnerId }),
  };
}

/** Ship notices and invoices since `from` for the range's partners, keyed by the PO numbers they name. */
async function loadFollowUps(em: EntityManager, query: KpiQuery): Promise<FollowUp[]> {
  const docs = await em.find(CanonicalDocumentRecordSchema, {
    type: { $in: ['ship_notice', 'invoice'] },
    partnerId: query.partnerId ?? ordersInRange(em, query, 'partnerId'),
    createdAt: { $gte: query.from },
  });
  return docs.map((doc) => {
    const common = {
      partnerId: doc.partnerId,
      transmissionId: emittedTransmissionId(doc.id),
      createdAt: doc.createdAt,
    };
    if (doc.type === 'ship_notice') {
      return {
        ...common,
        type: 'ship_notice',
        poNumbers: shippedByPoNumber(doc.document as unknown as ShipNotice),
      };
    }
    const { poNumber } = doc.document as unknown as Invoice;
    return { ...common, type: 'invoice', poNumbers: new Map(poNumber === undefined ? [] : [[poNumber, []]]) };
  });
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/** The 855 transmission of each acknowledgement: its own, or the batch's it went out in. */
async function ackTransmissions(
  em: EntityManager,
  query: KpiQuery,
  ackIds: string[],
): Promise<Map<string, string>> {
  const items = await em.find(OutboundBatchItemSchema, {
    answerDocumentId: ordersInRange(em, query, 'ackDocumentId'),
  });
  const byAck = new Map(ackIds.map((id) => [id, emittedTransmissionId(id)]));
  for (const item of items) {
    if (item.answerDocumentId !== null)
      byAck.set(item.answerDocumentId, derivedUuid(`batch:${item.batchId}`));
  }
  return byAck;
}

/**
 * The purchase orders received in `[from, to)` with their lines, their 855, shipments, invoices
 * and exceptions, all read from what is stored. Ship notices and invoices are tied to an order by
 * partner and PO number; each counts from its 856/810's first `sent`, or, not sent yet, from when
 * it was stored (the shipment or invoice event); first-sent times are looked up in `sentTimes`.
 */
export async function loadOrderFacts(
  em: EntityManager,
  query: KpiQuery,
  sentTimes: Promise<ReadonlyMap<string, Date>>,
): Promise<OrderFact[]> {
  const orders = await em.find(OrderRecordSchema, orderFilter(query), {
    orderBy: { createdAt: 'asc', id: 'asc' },
  });
  if (orders.length === 0) return [];
  const lines = await em.find(
    OrderLineRecordSchema,
    { orderId: ordersInRange(em, query, 'id') },
    { orderBy: { orderId: 'asc', position: 'asc' } },
  );
  const poDocs = await em.find(CanonicalDocumentRecordSchema, { id: ordersInRange(em, query, 'id') });
  const exceptions = await em.find(
    ExceptionRecordSchema,
    { subjectType: 'order', subjectId: ordersInRange(em, query, 'id') },
    { fields: ['subjectId'] },
  );
  const followUps = await loadFollowUps(em, query);
  const ackIds = orders.flatMap((order) => (order.ackDocumentId === null ? [] : [order.ackDocumentId]));
  const ackTransmission = await ackTransmissions(em, query, ackIds);
  const sent = await sentTimes;

  const poById = new Map(poDocs.map((doc) => [doc.id, doc.document as unknown as PurchaseOrder]));
  const linesOf = groupBy(lines, (line) => line.orderId);
  const exceptionsOf = groupBy(exceptions, (raised) => raised.subjectId);
  const followUpsOf = new Map<string, FollowUp[]>();
  for (const f of followUps) {
    for (const poNumber of f.poNumbers.keys()) {
      const key = `${f.partnerId}\u0000${poNumber}`;
      followUpsOf.set(key, [...(followUpsOf.get(key) ?? []), f]);
    }
  }
  return orders.map((order) => {
    const po = poById.get(order.id);
    const mine = followUpsOf.get(`${order.partnerId}\u0000${order.poNumber}`) ?? [];
    const at = (f: FollowUp) => sent.get(f.transmissionId) ?? f.createdAt;
    const invoiceTimes = mine.filter((f) => f.type === 'invoice').map((f) => at(f).getTime());
    const ackTransmissionId =
      order.ackDocumentId === null ? undefined : ackTransmission.get(order.ackDocumentId);
    return {
      id: order.id,
      partnerId: order.partnerId,
      poNumber: order.poNumber,
      status: order.status,
      receivedAt: order.createdAt,
      lines: (linesOf.get(order.id) ?? []).map((line) => ({
        lineNumber: line.lineNumber,
        quantity: line.quantity,
        status: line.status,
        ids: po?.lines.find((poLine) => poLine.lineNumber === line.lineNumber)?.ids ?? {},
      })),
      acknowledged: order.ackDocumentId !== null,
      requestedShipDate: requestedShipDate(po),
      ackSentAt: ackTransmissionId === undefined ? null : (sent.get(ackTransmissionId) ?? null),
      shipments: mine
        .filter((f) => f.type === 'ship_notice')
        .map((f) => ({ at: at(f), items: f.poNumbers.get(order.poNumber) ?? [] }))
        .sort((a, b) => a.at.getTime() - b.at.getTime()),
      invoicedAt: invoiceTimes.length === 0 ? null : new Date(Math.min(...invoiceTimes)),
      exceptions: exceptionsOf.get(order.id)?.length ?? 0,
    };
  });
}
