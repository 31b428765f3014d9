import type { LineAllocation, OrderDecision, RuleFinding } from '../../core/index.js';
import type { OrderLineStatus } from '../entities/order-line-record.js';
import type { OrderKind, OrderRecord, OrderStatus } from '../entities/order-record.js';

export interface OrderLine {
  lineNumber: string;
  itemId: string | null;
  quantity: string;
  uom: string;
  unitPrice: string | null;
  allocated: string;
  backordered: string;
  status: OrderLineStatus;
  locations: LineAllocation[];
}

/** An order as the core first decided on it; its lines are not allocated yet. */
export interface NewOrder {
  /** The purchase order's canonical document id. */
  id: string;
  partnerId: string;
  poNumber: string;
  kind: OrderKind;
  status: OrderStatus;
  decision: OrderDecision;
  findings: RuleFinding[];
  lines: Pick<OrderLine, 'lineNumber' | 'itemId' | 'quantity' | 'uom' | 'unitPrice'>[];
  /** Defaults to now. */
  at?: Date;
}

/** The order's row (fields documented on `OrderRecord`) with its lines. */
export interface StoredOrder extends OrderRecord {
  /** In the order's own line order. */
  lines: OrderLine[];
}

/** Enough of an order for the duplicate and cancellation rules. */
export interface OrderSummary {
  id: string;
  poNumber: string;
  kind: OrderKind;
  status: OrderStatus;
  createdAt: Date;
}

export interface OrderFilter {
  partnerId?: string;
  status?: OrderStatus;
  poNumber?: string;
  kind?: OrderKind;
  /** Default 100. */
  limit?: number;
}

/** What an update changes; absent fields stay as they are. */
export interface OrderChange {
  status?: OrderStatus;
  decision?: OrderDecision;
  findings?: RuleFinding[];
  targetOrderId?: string;
  ackDocumentId?: string;
  /** New statuses of some lines, by line number. */
  lineStatuses?: Readonly<Record<string, OrderLineStatus>>;
  /** Defaults to now. */
  at?: Date;
}

/** The state an update expects to find; when the order is in another, nothing is changed. */
export interface OrderExpectation {
  revision?: number;
  statuses?: readonly OrderStatus[];
}

/** One order answered by `acknowledgeMany`. */
export interface OrderAcknowledgement {
  id: string;
  ackDocumentId: string;
  status: OrderStatus;
  /** The statuses the order may be in for the change to apply. */
  from: readonly OrderStatus[];
}

/** The store's port for orders. Stock reservations are the inventory's (`InventoryStore`). */
export interface OrderStore {
  /**
   * Stores a new order with its lines in one transaction. When an order with this id exists
   * already (a job run twice), it is returned unchanged with `created: false`.
   *
   * @example
   * const { order, created } = await orders.create({ id: po.id, partnerId, poNumber, kind: 'order', status: 'on_hold', decision: 'hold', findings, lines });
   */
  create(order: NewOrder): Promise<{ order: StoredOrder; created: boolean }>;
  get(id: string): Promise<StoredOrder | null>;
  /**
   * Stores the orders whose ids are not stored yet, with their lines, in one transaction with
   * one insert per table (`on conflict do nothing`); stored ones are left as they are, so two
   * overlapping runs each store a share and neither fails. Returns the ids stored now, in the
   * order given; of two orders with one id, the first stands. What it stores is what `create`
   * would.
   *
   * @example
   * const { created } = await orders.createMany(decided); // every id, then none on a rerun
   */
  createMany(orders: readonly NewOrder[]): Promise<{ created: string[] }>;
  /**
   * The orders with these ids and their lines, in two queries; ids not stored are left out.
   *
   * @example
   * const stored = await orders.getMany(documentIds);
   */
  getMany(ids: readonly string[]): Promise<StoredOrder[]>;
  /**
   * Marks decided orders answered, in one statement: each one still in one of its `from`
   * statuses and not answered yet gets its status and 855's id, and its revision bumped. Returns
   * the ids changed; the others were answered, or moved, by someone else.
   *
   * @example
   * await orders.acknowledgeMany([{ id, ackDocumentId, status: 'acknowledged', from: ['open'] }], at);
   */
  acknowledgeMany(changes: readonly OrderAcknowledgement[], at?: Date): Promise<string[]>;
  /** Newest first. */
  list(filter?: OrderFilter): Promise<StoredOrder[]>;
  /** The partner's orders and cancellations with this PO number, newest first. */
  withPoNumber(partnerId: string, poNumber: string): Promise<OrderSummary[]>;
  /** `withPoNumber` for several PO numbers in one query, newest first. */
  withPoNumbers(partnerId: string, poNumbers: readonly string[]): Promise<OrderSummary[]>;
  /**
   * Changes an order and bumps its revision, but only when it is in the state `expect` names:
   * otherwise (someone changed it meanwhile) returns `null` and changes nothing. Fails with
   * `not-found` when there is no such order.
   *
   * @example
   * const held = await orders.update(id, { findings, status: 'on_hold' }, { revision: order.revision });
   */
  update(id: string, change: OrderChange, expect?: OrderExpectation): Promise<StoredOrder | null>;
}
