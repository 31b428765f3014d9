import { raw, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/core';
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

/** `OrderStore` on MikroORM. */
export class OrmOrderStore implements OrderStore {
  private readonly sql: BatchSql;

  constructor(private readonly orm: MikroORM) {
    this.sql = new BatchSql(orm);
  }

  async createMany(orders: readonly NewOrder[]): Promise<{ created: string[] }> {
    if (orders.length === 0) return { created: [] };
    const doing = `storing ${orders.length} order(s)`;
    try {
      return await guard(doing, () =>
        this.orm.em.fork().transactional(async (em) => {
          const ids = orders.map((order) => order.id);
          const known = new Set(
            (await em.find(OrderRecordSchema, { id: { $in: ids } }, { fields: ['id'] })).map((row) => row.id),
          );
          const fresh = orders.filter((order) => !known.has(order.id)).map(storedFrom);
          if (fresh.length === 0) return { created: [] };
          for (const part of chunks(fresh, 13)) {
            await em.insertMany(
              OrderRecordSchema,
              part.map(({ lines: _, ...record }) => record),
            );
          }
          const lines = fresh.flatMap((order) =>
            order.lines.map((line, position) => ({ ...line, orderId: order.id, position })),
          );
          for (const part of chunks(lines, 11)) await em.insertMany(OrderLineRecordSchema, part);
          return { created: fresh.map((order) => order.id) };
        }),
      );
    } catch (error) {
      // An overlapping run stored some first: one by one, each found or stored.
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
      const created: string[] = [];
      for (const order of orders) if ((await this.create(order)).created) created.push(order.id);
      return { created };
    }
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
      for (const part of chunks(changes, 4)) {
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
