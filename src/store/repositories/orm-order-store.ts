import { raw, type EntityManager, type EntitySchema, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { isGatewayError } from '../../errors/index.js';
import { OrderLineRecordSchema, type OrderLineRecord } from '../entities/order-line-record.js';
import { OrderRecordSchema, type OrderRecord } from '../entities/order-record.js';
import { guard, storeError } from '../store-error.js';
import { BatchSql, chunks } from './batch-sql.js';
import type {
  NewOrder,
  OrderAcknowledgement,
  OrderChange,
  OrderExpectation,
  OrderFilter,
  OrderLine,
  OrderStore,
  OrderSummary,
  StoredOrder,
} from './order-store.js';

const ORDER_COLUMNS = [
  'id',
  'partner_id',
  'po_number',
  'kind',
  'target_order_id',
  'status',
  'decision',
  'findings',
  'allocation',
  'ack_document_id',
  'revision',
  'created_at',
  'updated_at',
] as const;
const LINE_COLUMNS = [
  'order_id',
  'line_number',
  'position',
  'item_id',
  'quantity',
  'uom',
  'unit_price',
  'allocated',
  'backordered',
  'status',
  'locations',
] as const;
const JSON_COLUMNS: ReadonlySet<string> = new Set(['findings', 'allocation', 'locations']);

/** `OrderStore` on MikroORM. */
export class OrmOrderStore implements OrderStore {
  private readonly sql: BatchSql;

  constructor(private readonly orm: MikroORM) {
    this.sql = new BatchSql(orm);
  }

  createMany(orders: readonly NewOrder[]): Promise<{ created: string[] }> {
    return guard(`storing ${orders.length} order(s)`, async () => {
      if (orders.length === 0) return { created: [] };
      // The first of two orders with one id stands, as it would with `create` called for each.
      const byId = new Map<string, StoredOrder>();
      for (const order of orders) if (!byId.has(order.id)) byId.set(order.id, storedFrom(order));
      // In id order: overlapping runs then wait for each other's ids in one direction, never in a cycle.
      const stored = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
      return this.orm.em.fork().transactional(async (em) => {
        // `on conflict do nothing` is the claim: of two overlapping runs, each id is inserted by
        // exactly one of them, which alone writes its lines.
        const inserted = new Set<string>();
        for (const part of chunks(stored, ORDER_COLUMNS.length)) {
          const rows = await this.sql.all<{ id: string }>(
            em,
            `${this.insert(OrderRecordSchema as never, ORDER_COLUMNS, part.length)} ` +
              `on conflict (${this.sql.q('id')}) do nothing returning ${this.sql.q('id')}`,
            part.flatMap((order) => this.orderValues(order)),
          );
          for (const row of rows) inserted.add(row.id);
        }
        const fresh = stored.filter((order) => inserted.has(order.id));
        const lines = fresh.flatMap((order) =>
          order.lines.map((line, position) => this.lineValues(order.id, position, line)),
        );
        for (const part of chunks(lines, LINE_COLUMNS.length)) {
          await this.sql.run(
            em,
            this.insert(OrderLineRecordSchema as never, LINE_COLUMNS, part.length),
            part.flat(),
          );
        }
        return { created: [...byId.keys()].filter((id) => inserted.has(id)) };
      });
    });
  }

  /** `insert into table (columns) values (...), ...` for `rows` rows; JSON columns take text. */
  private insert(entity: EntitySchema<never>, columns: readonly string[], rows: number): string {
    const { sql } = this;
    const one = `(${columns.map((column) => (JSON_COLUMNS.has(column) ? sql.json('?') : '?')).join(', ')})`;
    return (
      `insert into ${sql.table(entity)} (${columns.map((column) => sql.q(column)).join(', ')}) ` +
      `values ${Array.from({ length: rows }, () => one).join(', ')}`
    );
  }

  /** The order's row in `ORDER_COLUMNS` order, as `create` has the ORM write it. */
  private orderValues(order: StoredOrder): unknown[] {
    return [
      order.id,
      order.partnerId,
      order.poNumber,
      order.kind,
      order.targetOrderId,
      order.status,
      order.decision,
      JSON.stringify(order.findings),
      order.allocation === null ? null : JSON.stringify(order.allocation),
      order.ackDocumentId,
      order.revision,
      this.sql.date(order.createdAt),
      this.sql.date(order.updatedAt),
    ];
  }

  /** A line's row in `LINE_COLUMNS` order, as `create` has the ORM write it. */
  private lineValues(orderId: string, position: number, line: OrderLine): unknown[] {
    return [
      orderId,
      line.lineNumber,
      position,
      line.itemId,
      line.quantity,
      line.uom,
      line.unitPrice,
      line.allocated,
      line.backordered,
      line.status,
      JSON.stringify(line.locations),
    ];
  }

  getMany(ids: readonly string[]): Promise<StoredOrder[]> {
    return guard(`reading ${ids.length} order(s)`, async () => {
      if (ids.length === 0) return [];
      const em = this.orm.em.fork();
      const rows = await em.find(OrderRecordSchema, { id: { $in: [...ids] } });
      return withLines(em, rows);
    });
  }

  withPoNumbers(partnerId: string, poNumbers: readonly string[]): Promise<OrderSummary[]> {
    return guard(`reading the orders of ${partnerId} with ${poNumbers.length} PO number(s)`, async () => {
      if (poNumbers.length === 0) return [];
      const rows = await this.orm.em
        .fork()
        .find(
          OrderRecordSchema,
          { partnerId, poNumber: { $in: [...poNumbers] } },
          { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
        );
      return rows.map(toSummary);
    });
  }

  acknowledgeMany(changes: readonly OrderAcknowledgement[], at = new Date()): Promise<string[]> {
    return guard(`acknowledging ${changes.length} order(s)`, async () => {
      if (changes.length === 0) return [];
      const { sql } = this;
      const q = (name: string) => sql.q(name);
      const em = this.orm.em.fork();
      const changed: string[] = [];
      // One statement per chunk: each row's new status, 855 and allowed statuses come from VALUES.
      // In id order, as `createMany` and `commitAllocations` take order rows.
      const sorted = [...changes].sort((a, b) => compareIds(a.id, b.id));
      for (const part of chunks(sorted, 4)) {
        const values = sql.values(part.map((c) => [c.id, c.ackDocumentId, c.status, c.from.join(',')]));
        const rows = await sql.all<{ id: string }>(
          em,
          `update ${sql.table(OrderRecordSchema as never)} set ${q('status')} = v.column3, ` +
            `${q('ack_document_id')} = v.column2, ${q('revision')} = ${q('revision')} + 1, ` +
            `${q('updated_at')} = ? from ${values.sql} ` +
            `where ${q('id')} = v.column1 and ${q('ack_document_id')} is null ` +
            `and (',' || v.column4 || ',') like ('%,' || ${q('status')} || ',%') returning ${q('id')}`,
          [sql.date(at), ...values.params],
        );
        changed.push(...rows.map((row) => row.id));
      }
      return changed;
    });
  }

  async create(order: NewOrder): Promise<{ order: StoredOrder; created: boolean }> {
    const doing = `storing order ${order.id} (PO ${order.poNumber})`;
    const stored = storedFrom(order);
    try {
      await guard(doing, () =>
        this.orm.em.fork().transactional(async (em) => {
          const { lines, ...record } = stored;
          await em.insert(OrderRecordSchema, record);
          if (lines.length === 0) return;
          await em.insertMany(
            OrderLineRecordSchema,
            lines.map((line, position) => ({ ...line, orderId: order.id, position })),
          );
        }),
      );
    } catch (error) {
      // Stored by an earlier or overlapping run of the same job: that one stands.
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
      const existing = await this.get(order.id);
      if (existing === null) throw error;
      return { order: existing, created: false };
    }
    return { order: stored, created: true };
  }

  get(id: string): Promise<StoredOrder | null> {
    return guard(`reading order ${id}`, async () => {
      const em = this.orm.em.fork();
      const row = await em.findOne(OrderRecordSchema, { id });
      if (row === null) return null;
      const [order] = await withLines(em, [row]);
      return order ?? null;
    });
  }

  list(filter: OrderFilter = {}): Promise<StoredOrder[]> {
    return guard('listing orders', async () => {
      const where: FilterQuery<OrderRecord> = {};
      if (filter.partnerId !== undefined) where.partnerId = filter.partnerId;
      if (filter.status !== undefined) where.status = filter.status;
      if (filter.poNumber !== undefined) where.poNumber = filter.poNumber;
      if (filter.kind !== undefined) where.kind = filter.kind;
      const em = this.orm.em.fork();
      const rows = await em.find(OrderRecordSchema, where, {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: filter.limit ?? 100,
      });
      return withLines(em, rows);
    });
  }

  withPoNumber(partnerId: string, poNumber: string): Promise<OrderSummary[]> {
    return guard(`reading the orders of ${partnerId} with PO number ${poNumber}`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          OrderRecordSchema,
          { partnerId, poNumber },
          { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
        );
      return rows.map(toSummary);
    });
  }

  update(id: string, change: OrderChange, expect: OrderExpectation = {}): Promise<StoredOrder | null> {
    return guard(`updating order ${id}`, async () => {
      // The expectation is the update's own condition: checked and applied in one statement.
      const where: FilterQuery<OrderRecord> = { id };
      if (expect.revision !== undefined) where.revision = expect.revision;
      if (expect.statuses !== undefined) where.status = { $in: [...expect.statuses] };
      const changed = await this.orm.em.fork().transactional(async (em) => {
        const count = await em.nativeUpdate(OrderRecordSchema, where, {
          ...(change.status === undefined ? {} : { status: change.status }),
          ...(change.decision === undefined ? {} : { decision: change.decision }),
          ...(change.findings === undefined ? {} : { findings: change.findings }),
          ...(change.targetOrderId === undefined ? {} : { targetOrderId: change.targetOrderId }),
          ...(change.ackDocumentId === undefined ? {} : { ackDocumentId: change.ackDocumentId }),
          revision: raw('"revision" + 1'),
          updatedAt: change.at ?? new Date(),
        });
        if (count === 0) return false;
        for (const [lineNumber, status] of Object.entries(change.lineStatuses ?? {})) {
          await em.nativeUpdate(OrderLineRecordSchema, { orderId: id, lineNumber }, { status });
        }
        return true;
      });
      const current = await this.get(id);
      if (current === null) throw storeError('not-found', `order ${id} does not exist`, true, undefined, 404);
      return changed ? current : null;
    });
  }
}

async function withLines(em: EntityManager, rows: readonly OrderRecord[]): Promise<StoredOrder[]> {
  if (rows.length === 0) return [];
  const lines = await em.find(
    OrderLineRecordSchema,
    { orderId: { $in: rows.map((row) => row.id) } },
    { orderBy: [{ orderId: 'asc' }, { position: 'asc' }] },
  );
  const byOrder = new Map<string, OrderLine[]>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), toLine(line)]);
  return rows.map((row) => ({
    id: row.id,
    partnerId: row.partnerId,
    poNumber: row.poNumber,
    kind: row.kind,
    targetOrderId: row.targetOrderId,
    status: row.status,
    decision: row.decision,
    findings: row.findings,
    allocation: row.allocation,
    ackDocumentId: row.ackDocumentId,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lines: byOrder.get(row.id) ?? [],
  }));
}

/** A new order as `create` stores it: nothing allocated, nothing acknowledged, revision 0. */
function storedFrom(order: NewOrder): StoredOrder {
  const at = order.at ?? new Date();
  return {
    id: order.id,
    partnerId: order.partnerId,
    poNumber: order.poNumber,
    kind: order.kind,
    targetOrderId: null,
    status: order.status,
    decision: order.decision,
    findings: order.findings,
    allocation: null,
    ackDocumentId: null,
    revision: 0,
    createdAt: at,
    updatedAt: at,
    lines: order.lines.map((line) => ({
      ...line,
      allocated: '0',
      backordered: '0',
      status: order.status === 'rejected' ? 'rejected' : 'open',
      locations: [],
    })),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toSummary(row: OrderRecord): OrderSummary {
  return { id: row.id, poNumber: row.poNumber, kind: row.kind, status: row.status, createdAt: row.createdAt };
}

function toLine(row: OrderLineRecord): OrderLine {
  return {
    lineNumber: row.lineNumber,
    itemId: row.itemId,
    quantity: row.quantity,
    uom: row.uom,
    unitPrice: row.unitPrice,
    allocated: row.allocated,
    backordered: row.backordered,
    status: row.status,
    locations: row.locations,
  };
}
