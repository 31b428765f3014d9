import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { addDecimals, subtractDecimals } from '../../canonical/index.js';
import type { StockReservation } from '../../core/index.js';
import { InventoryLevelSchema, type InventoryLevel } from '../entities/inventory-level.js';
import { InventoryReservationSchema, type InventoryReservation } from '../entities/inventory-reservation.js';
import { OrderLineRecordSchema } from '../entities/order-line-record.js';
import { OrderRecordSchema } from '../entities/order-record.js';
import { guard, storeError } from '../store-error.js';
import { BatchSql, chunks } from './batch-sql.js';
import type {
  AllocationCommit,
  AllocationOutcome,
  BatchAllocationOutcome,
  InventoryLevelInput,
  InventoryStore,
  ReleaseOptions,
  ReleaseOutcome,
  StoredInventoryLevel,
  StoredReservation,
} from './inventory-store.js';

/** Thrown inside the allocation transaction to roll it back when a location ran short. */
class StockChanged extends Error {
  constructor(
    readonly itemId: string,
    readonly locationId: string,
  ) {
    super(`stock of ${itemId} at ${locationId} changed`);
  }
}

// Both dialects read double-quoted identifiers; casts keep SQLite from comparing text with numbers.
const ENOUGH_STOCK = '"on_hand" - "committed" - cast(? as numeric)';
const COMMIT_MORE = '"committed" + cast(? as numeric)';
const COMMIT_LESS = '"committed" - cast(? as numeric)';

/**
 * `InventoryStore` on MikroORM. Stock only moves through single conditional updates inside a
 * transaction, so the database's row lock is the only synchronisation between workers.
 */
export class OrmInventoryStore implements InventoryStore {
  private readonly sql: BatchSql;

  constructor(private readonly orm: MikroORM) {
    this.sql = new BatchSql(orm);
  }

  upsertLevels(levels: readonly InventoryLevelInput[], at = new Date()): Promise<void> {
    return guard(`loading ${levels.length} inventory level(s)`, async () => {
      if (levels.length === 0) return;
      await this.orm.em.fork().transactional(async (em) => {
        for (const level of levels) {
          const key = { itemId: level.itemId, locationId: level.locationId };
          const changed = await em.nativeUpdate(InventoryLevelSchema, key, {
            kind: level.kind,
            onHand: level.onHand,
            updatedAt: at,
          });
          if (changed === 0) {
            await em.insert(InventoryLevelSchema, {
              ...key,
              kind: level.kind,
              onHand: level.onHand,
              committed: '0',
              updatedAt: at,
            });
          }
        }
      });
    });
  }

  levels(itemIds: readonly string[]): Promise<StoredInventoryLevel[]> {
    return guard(`reading the stock of ${itemIds.length} item(s)`, async () => {
      if (itemIds.length === 0) return [];
      const rows = await this.orm.em
        .fork()
        .find(
          InventoryLevelSchema,
          { itemId: { $in: [...itemIds] } },
          { orderBy: [{ itemId: 'asc' }, { locationId: 'asc' }] },
        );
      return rows.map(toStoredLevel);
    });
  }

  reservations(orderId: string): Promise<StoredReservation[]> {
    return guard(`reading the reservations of order ${orderId}`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          InventoryReservationSchema,
          { orderId },
          { orderBy: [{ lineNumber: 'asc' }, { locationId: 'asc' }] },
        );
      return rows.map(toStoredReservation);
    });
  }

  async commitAllocation(commit: AllocationCommit): Promise<AllocationOutcome> {
    const { orderId } = commit;
    const at = commit.at ?? new Date();
    try {
      return await guard(`allocating order ${orderId}`, () =>
        this.orm.em.fork().transactional(async (em) => {
          // The claim comes first: a rerun, or a cancellation that got in first, stops here.
          const claimed = await em.nativeUpdate(
            OrderRecordSchema,
            { id: orderId, allocation: null, status: 'open' },
            { allocation: commit.allocation, revision: raw('"revision" + 1'), updatedAt: at },
          );
          if (claimed === 0) return unclaimed(em, orderId);
          // Locking levels in one order everywhere keeps two orders from waiting on each other.
          const reservations = [...commit.reservations].sort((a, b) =>
            compareKeys([a.itemId, a.locationId, a.lineNumber], [b.itemId, b.locationId, b.lineNumber]),
          );
          for (const reservation of reservations) {
            const reserved = await em.nativeUpdate(
              InventoryLevelSchema,
              {
                itemId: reservation.itemId,
                locationId: reservation.locationId,
                [raw(ENOUGH_STOCK, [reservation.quantity])]: { $gte: 0 },
              },
              { committed: raw(COMMIT_MORE, [reservation.quantity]), updatedAt: at },
            );
            if (reserved === 0) throw new StockChanged(reservation.itemId, reservation.locationId);
          }
          if (reservations.length > 0) {
            await em.insertMany(
              InventoryReservationSchema,
              reservations.map((reservation) => ({ ...reservation, orderId, createdAt: at })),
            );
          }
          for (const line of commit.lines) {
            const { lineNumber, ...figures } = line;
            await em.nativeUpdate(OrderLineRecordSchema, { orderId, lineNumber }, figures);
          }
          return { outcome: 'allocated' } as const;
        }),
      );
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof StockChanged ? error.cause : error;
      if (cause instanceof StockChanged) {
        return { outcome: 'stock-changed', itemId: cause.itemId, locationId: cause.locationId };
      }
      throw error;
    }
  }

  async commitAllocations(commits: readonly AllocationCommit[]): Promise<BatchAllocationOutcome> {
    if (commits.length === 0) return { outcome: 'allocated', allocated: [], skipped: [] };
    const now = new Date();
    const dated = commits.map((commit) => ({ ...commit, at: commit.at ?? now }));
    try {
      return await guard(`allocating ${commits.length} order(s)`, () =>
        this.orm.em.fork().transactional(async (em) => {
          const claimed = new Set(await this.claim(em, dated));
          const skipped = await this.skipped(
            em,
            dated.map((c) => c.orderId).filter((id) => !claimed.has(id)),
          );
          const mine = dated.filter((c) => claimed.has(c.orderId));
          await this.reserve(em, mine);
          await this.writeLines(em, mine);
          return { outcome: 'allocated', allocated: mine.map((c) => c.orderId), skipped } as const;
        }),
      );
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof StockChanged ? error.cause : error;
      if (cause instanceof StockChanged) {
        return { outcome: 'stock-changed', itemId: cause.itemId, locationId: cause.locationId };
      }
      throw error;
    }
  }

  /** Claims each order's allocation (open and unallocated only), in one statement per chunk. */
  private async claim(em: EntityManager, commits: readonly DatedCommit[]): Promise<string[]> {
    const { sql } = this;
    const q = (name: string) => sql.q(name);
    const claimed: string[] = [];
    // In id order, as `createMany` inserts them, so that overlapping batches wait in one direction.
    const sorted = [...commits].sort((a, b) => compareKeys([a.orderId], [b.orderId]));
    for (const part of chunks(sorted, 3)) {
      const values = sql.values(part.map((c) => [c.orderId, JSON.stringify(c.allocation), sql.date(c.at)]));
      const rows = await sql.all<{ id: string }>(
        em,
        `update ${sql.table(OrderRecordSchema as never)} set ${q('allocation')} = ${sql.json('v.column2')}, ` +
          `${q('revision')} = ${q('revision')} + 1, ${q('updated_at')} = ${this.timestamp('v.column3')} ` +
          `from ${values.sql} ` +
          `where ${q('id')} = v.column1 and ${q('allocation')} is null and ${q('status')} = 'open' ` +
          `returning ${q('id')}`,
        values.params,
      );
      claimed.push(...rows.map((row) => row.id));
    }
    return claimed;
  }

  /** A date parameter read from a VALUES list, as the column takes it (SQLite keeps epoch ms). */
  private timestamp(expression: string): string {
    return this.sql.postgres ? `cast(${expression} as timestamptz)` : expression;
  }

  /** Why orders could not be claimed: allocated before, in another status, or unknown. */
  private async skipped(
    em: EntityManager,
    orderIds: readonly string[],
  ): Promise<{ orderId: string; reason: 'already-allocated' | 'not-open' | 'not-found' }[]> {
    if (orderIds.length === 0) return [];
    const { sql } = this;
    const q = (name: string) => sql.q(name);
    const allocated = new Map<string, boolean>();
    for (const part of chunks(orderIds, 1)) {
      // Raw rows: entities loaded here would be flushed again when the transaction commits.
      const rows = await sql.all<{ id: string; allocated: number | string }>(
        em,
        `select ${q('id')}, case when ${q('allocation')} is null then 0 else 1 end as ${q('allocated')} ` +
          `from ${sql.table(OrderRecordSchema as never)} where ${q('id')} in (${part.map(() => '?').join(', ')})`,
        part,
      );
      for (const row of rows) allocated.set(row.id, Number(row.allocated) === 1);
    }
    return orderIds.map((orderId) => {
      const row = allocated.get(orderId);
      const reason = row === undefined ? 'not-found' : row ? 'already-allocated' : 'not-open';
      return { orderId, reason };
    });
  }

  /**
   * Raises `committed` by the sum of what the orders reserve at each location, and records their
   * reservations. The levels are locked in key order (as `commitAllocation` takes them), then
   * raised by one conditional statement; a location short of stock rolls everything back.
   */
  private async reserve(em: EntityManager, commits: readonly DatedCommit[]): Promise<void> {
    const reservations = commits.flatMap((c) =>
      c.reservations.map((r) => ({ ...r, orderId: c.orderId, createdAt: c.at })),
    );
    if (reservations.length === 0) return;
    const wanted = new Map<string, { itemId: string; locationId: string; quantity: string }>();
    for (const r of reservations) {
      const key = levelKey(r);
      const sum = wanted.get(key);
      wanted.set(key, {
        itemId: r.itemId,
        locationId: r.locationId,
        quantity: sum === undefined ? r.quantity : addDecimals(sum.quantity, r.quantity),
      });
    }
    const pairs = [...wanted.values()].sort((a, b) =>
      compareKeys([a.itemId, a.locationId], [b.itemId, b.locationId]),
    );
    const at = new Date(Math.max(...commits.map((c) => c.at.getTime())));
    for (const part of chunks(pairs, 3)) {
      await this.lockLevels(em, part);
      await this.raiseCommitted(em, part, at);
    }
    await this.record(em, reservations);
  }

  /** Inserts the reservations, in one statement per chunk. */
  private async record(em: EntityManager, reservations: readonly DatedReservation[]): Promise<void> {
    const { sql } = this;
    const columns = ['order_id', 'line_number', 'item_id', 'location_id', 'quantity', 'created_at'];
    const row = `(${columns.map(() => '?').join(', ')})`;
    for (const part of chunks(reservations, columns.length)) {
      await sql.run(
        em,
        `insert into ${sql.table(InventoryReservationSchema as never)} ` +
          `(${columns.map((column) => sql.q(column)).join(', ')}) values ${part.map(() => row).join(', ')}`,
        part.flatMap((r) => [
          r.orderId,
          r.lineNumber,
          r.itemId,
          r.locationId,
          r.quantity,
          sql.date(r.createdAt),
        ]),
      );
    }
  }

  /**
   * Locks the levels in key order on PostgreSQL. The conditional update alone would lock them in
   * whatever order its join visits them, so two batches could each hold a row the other waits
   * for; taking them sorted, as every stock change here does, makes the second wait for the first
   * instead. SQLite has one writer at a time, which the claim before this has already made us.
   */
  private async lockLevels(em: EntityManager, pairs: readonly LevelDemand[]): Promise<void> {
    if (!this.sql.postgres) return;
    const { sql } = this;
    const q = (name: string) => sql.q(name);
    const keys = pairs.map(() => '(?, ?)').join(', ');
    await sql.all(
      em,
      `select 1 from ${sql.table(InventoryLevelSchema as never)} ` +
        `where (${q('item_id')}, ${q('location_id')}) in (values ${keys}) ` +
        `order by ${q('item_id')}, ${q('location_id')} for update`,
      pairs.flatMap((p) => [p.itemId, p.locationId]),
    );
  }

  /** The conditional update itself: every level raised, or the first one short named. */
  private async raiseCommitted(em: EntityManager, pairs: readonly LevelDemand[], at: Date): Promise<void> {
    const { sql } = this;
    const q = (name: string) => sql.q(name);
    const values = sql.values(pairs.map((p) => [p.itemId, p.locationId, p.quantity]));
    const raised = await sql.all<{ item_id: string; location_id: string }>(
      em,
      `update ${sql.table(InventoryLevelSchema as never)} set ${q('committed')} = ${q('committed')} + ${sql.numeric('v.column3')}, ` +
        `${q('updated_at')} = ? from ${values.sql} ` +
        `where ${q('item_id')} = v.column1 and ${q('location_id')} = v.column2 ` +
        `and ${q('on_hand')} - ${q('committed')} - ${sql.numeric('v.column3')} >= 0 ` +
        `returning ${q('item_id')}, ${q('location_id')}`,
      [sql.date(at), ...values.params],
    );
    if (raised.length === pairs.length) return;
    const done = new Set(raised.map((row) => levelKey({ itemId: row.item_id, locationId: row.location_id })));
    const short = pairs.find((p) => !done.has(levelKey(p))) ?? pairs[0];
    throw new StockChanged(short?.itemId ?? '', short?.locationId ?? '');
  }

  /** Every line's item, figures, status and locations, in one statement per chunk. */
  private async writeLines(em: EntityManager, commits: readonly AllocationCommit[]): Promise<void> {
    const lines = commits.flatMap((c) => c.lines.map((line) => ({ ...line, orderId: c.orderId })));
    if (lines.length === 0) return;
    const { sql } = this;
    const q = (name: string) => sql.q(name);
    // Line figures are numeric on PostgreSQL, and text on SQLite, kept exactly as given there.
    const figure = (expression: string) => (sql.postgres ? sql.numeric(expression) : expression);
    for (const part of chunks(lines, 7)) {
      const values = sql.values(
        part.map((l) => [
          l.orderId,
          l.lineNumber,
          l.itemId,
          l.allocated,
          l.backordered,
          l.status,
          JSON.stringify(l.locations),
        ]),
      );
      await sql.run(
        em,
        `update ${sql.table(OrderLineRecordSchema as never)} set ${q('item_id')} = v.column3, ` +
          `${q('allocated')} = ${figure('v.column4')}, ${q('backordered')} = ${figure('v.column5')}, ` +
          `${q('status')} = v.column6, ${q('locations')} = ${sql.json('v.column7')} from ${values.sql} ` +
          `where ${q('order_id')} = v.column1 and ${q('line_number')} = v.column2`,
        values.params,
      );
    }
  }

  release(orderId: string, options: ReleaseOptions = {}): Promise<ReleaseOutcome> {
    return guard(`releasing the stock of order ${orderId}`, () =>
      this.orm.em.fork().transactional(async (em) => {
        const at = options.at ?? new Date();
        const { status } = options;
        if (status !== undefined) {
          // Taking the order's row first serialises this with an allocation of the same order.
          const moved = await em.nativeUpdate(
            OrderRecordSchema,
            { id: orderId, status: { $in: [...status.from] } },
            { status: status.to, revision: raw('"revision" + 1'), updatedAt: at },
          );
          if (moved === 0) return { changed: false, released: [] };
        }
        if (options.lineStatus !== undefined) {
          await em.nativeUpdate(OrderLineRecordSchema, { orderId }, { status: options.lineStatus });
        }
        const held = await em.find(InventoryReservationSchema, { orderId });
        const sorted = held.sort((a, b) =>
          compareKeys([a.itemId, a.locationId, a.lineNumber], [b.itemId, b.locationId, b.lineNumber]),
        );
        const released: StoredReservation[] = [];
        for (const reservation of sorted) {
          // Deleting is the claim: of two overlapping releases, only one deletes the row and gives it back.
          const deleted = await em.nativeDelete(InventoryReservationSchema, {
            orderId,
            lineNumber: reservation.lineNumber,
            locationId: reservation.locationId,
          });
          if (deleted === 0) continue;
          await em.nativeUpdate(
            InventoryLevelSchema,
            { itemId: reservation.itemId, locationId: reservation.locationId },
            { committed: raw(COMMIT_LESS, [reservation.quantity]), updatedAt: at },
          );
          released.push(toStoredReservation(reservation));
        }
        return { changed: true, released };
      }),
    );
  }
}

async function unclaimed(em: EntityManager, orderId: string): Promise<AllocationOutcome> {
  const order = await em.findOne(OrderRecordSchema, { id: orderId });
  if (order === null) throw storeError('not-found', `order ${orderId} does not exist`, true, undefined, 404);
  if (order.allocation !== null) return { outcome: 'already-allocated' };
  return { outcome: 'not-open', status: order.status };
}

type DatedCommit = AllocationCommit & { at: Date };
type DatedReservation = StockReservation & { orderId: string; createdAt: Date };

/** What a batch takes of one level. */
interface LevelDemand {
  itemId: string;
  locationId: string;
  quantity: string;
}

function levelKey(level: { itemId: string; locationId: string }): string {
  return `${level.itemId}\u0000${level.locationId}`;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function toStoredLevel(row: InventoryLevel): StoredInventoryLevel {
  return {
    itemId: row.itemId,
    locationId: row.locationId,
    kind: row.kind,
    onHand: row.onHand,
    committed: row.committed,
    available: subtractDecimals(row.onHand, row.committed),
    updatedAt: row.updatedAt,
  };
}

function toStoredReservation(row: InventoryReservation): StoredReservation {
  return {
    orderId: row.orderId,
    lineNumber: row.lineNumber,
    locationId: row.locationId,
    itemId: row.itemId,
    quantity: row.quantity,
    createdAt: row.createdAt,
  };
}
