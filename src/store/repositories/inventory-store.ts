import type { LineAllocation, LocationKind, StockReservation } from '../../core/index.js';
import type { OrderLineStatus } from '../entities/order-line-record.js';
import type { OrderStatus } from '../entities/order-record.js';

/** A stock figure as loaded (a count, or a feed from the WMS). */
export interface InventoryLevelInput {
  itemId: string;
  locationId: string;
  kind: LocationKind;
  onHand: string;
}

export interface StoredInventoryLevel extends InventoryLevelInput {
  committed: string;
  /** On hand less committed; negative when a count lowered on-hand below what orders hold. */
  available: string;
  updatedAt: Date;
}

export interface StoredReservation extends StockReservation {
  orderId: string;
  createdAt: Date;
}

/** The allocation of one order, to be made durable in one transaction. */
export interface AllocationCommit {
  orderId: string;
  allocation: LineAllocation[];
  reservations: StockReservation[];
  lines: {
    lineNumber: string;
    itemId: string | null;
    allocated: string;
    backordered: string;
    status: OrderLineStatus;
    locations: LineAllocation[];
  }[];
  /** Defaults to now. */
  at?: Date;
}

/**
 * `allocated`: stock reserved and the allocation stored. `already-allocated`: an earlier run did
 * it; nothing changed. `not-open`: the order is in another status (cancelled meanwhile).
 * `stock-changed`: another order took stock this plan counted on; nothing changed, plan again.
 */
export type AllocationOutcome =
  | { outcome: 'allocated' }
  | { outcome: 'already-allocated' }
  | { outcome: 'not-open'; status: OrderStatus }
  | { outcome: 'stock-changed'; itemId: string; locationId: string };

/**
 * What `commitAllocations` did: every order it could claim allocated, or nothing at all
 * (`stock-changed`, naming a location that had less available than the batch reserves there).
 * An order is skipped when an earlier run allocated it, when it is no longer open, or when no
 * order has its id.
 */
export type BatchAllocationOutcome =
  | {
      outcome: 'allocated';
      allocated: string[];
      skipped: { orderId: string; reason: 'already-allocated' | 'not-open' | 'not-found' }[];
    }
  | { outcome: 'stock-changed'; itemId: string; locationId: string };

export interface ReleaseOptions {
  /** Moves the order to this status in the same transaction; nothing is released if it is not in `from`. */
  status?: { to: OrderStatus; from: readonly OrderStatus[] };
  /** The statuses its lines get with it. */
  lineStatus?: OrderLineStatus;
  at?: Date;
}

export interface ReleaseOutcome {
  /** False when `status` was asked for and the order was not in one of its `from` statuses. */
  changed: boolean;
  /** What was given back by this call (nothing when an earlier call gave it back). */
  released: StoredReservation[];
}

/** The store's port for stock: levels, and the reservations orders hold against them. */
export interface InventoryStore {
  /** Sets on-hand figures, creating levels as needed; what orders have committed is kept. */
  upsertLevels(levels: readonly InventoryLevelInput[], at?: Date): Promise<void>;
  /** The levels of these items at every location. */
  levels(itemIds: readonly string[]): Promise<StoredInventoryLevel[]>;
  reservations(orderId: string): Promise<StoredReservation[]>;
  /**
   * Claims the order's allocation, raises `committed` at each location with one conditional
   * update (`where on_hand - committed >= quantity`), records the reservations and the lines, all
   * in one transaction. Two workers can never both take the last units: the second one's update
   * matches no row and its whole transaction is rolled back (`stock-changed`).
   *
   * @example
   * const result = await inventory.commitAllocation({ orderId, allocation, reservations, lines });
   * if (result.outcome === 'stock-changed') replan();
   */
  commitAllocation(commit: AllocationCommit): Promise<AllocationOutcome>;
  /**
   * `commitAllocation` for many orders in one transaction with a fixed number of statements:
   * claims every order still open and unallocated, locks the stock rows they draw on (in one
   * order everywhere), raises `committed` by the sum of what all of them reserve with one
   * conditional update, and writes their reservations and lines. When any location has less
   * available than the orders reserve there, nothing at all is changed (`stock-changed`), and
   * the caller plans again. Orders that could not be claimed are left out and named in
   * `skipped`. Each order gets its own commit's `at`.
   *
   * @example
   * const result = await inventory.commitAllocations(plans);
   * if (result.outcome === 'allocated') result.allocated; // ids of the orders allocated now
   */
  commitAllocations(commits: readonly AllocationCommit[]): Promise<BatchAllocationOutcome>;
  /**
   * Gives back every reservation the order holds, each once, in one transaction, optionally
   * moving the order to a final status in it (cancel, reject).
   *
   * @example
   * await inventory.release(orderId, { status: { to: 'cancelled', from: ['open', 'on_hold', 'acknowledged'] }, lineStatus: 'cancelled' });
   */
  release(orderId: string, options?: ReleaseOptions): Promise<ReleaseOutcome>;
}
