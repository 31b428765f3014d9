import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { subtractDecimals } from '../../canonical/index.js';
import { InventoryLevelSchema, type InventoryLevel } from '../entities/inventory-level.js';
import { InventoryReservationSchema, type InventoryReservation } from '../entities/inventory-reservation.js';
import { OrderLineRecordSchema } from '../entities/order-line-record.js';
import { OrderRecordSchema } from '../entities/order-record.js';
import { guard, storeError } from '../store-error.js';
import type {
  AllocationCommit,
  AllocationOutcome,
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
  constructor(private readonly orm: MikroORM) {}

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
