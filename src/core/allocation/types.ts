import type { DecimalString } from '../../canonical/index.js';
import type { LineAllocation } from '../acknowledge-line.js';

/** Where stock is held: our own distribution centre, a third-party warehouse, or a supplier that drop-ships. */
export type LocationKind = 'dc' | '3pl' | 'dropship';

/** Available-to-promise of one item at one location: on hand less what other orders have committed. */
export interface StockAtLocation {
  itemId: string;
  locationId: string;
  kind: LocationKind;
  /** May be negative after a stock count lowered on-hand below what is committed; counts as zero. */
  available: DecimalString;
}

/** One order line as allocation sees it: our item, and the quantity to supply. */
export interface LineToAllocate {
  lineNumber: string;
  /** Our item number; absent when the line matched no catalog item, which leaves nothing to allocate. */
  itemId?: string;
  /** The quantity to supply, in the line's unit: the buyer's, or the one staff agreed. */
  quantity: DecimalString;
}

export type AllocationStrategyId = 'single-location-first' | 'split-allowed' | 'priority';

/** The partner's allocation settings (`business.allocation` in its file). */
export interface AllocationRules {
  strategy: AllocationStrategyId;
  /** The locations to ship from, best first. Absent: every location that holds the item. */
  locations?: readonly string[];
}

/** Stock to set aside for one line at one location. */
export interface StockReservation {
  lineNumber: string;
  itemId: string;
  locationId: string;
  quantity: DecimalString;
}

/** What allocation decided: per line and location for the 855, and the stock to reserve. */
export interface AllocationPlan {
  allocations: LineAllocation[];
  /** Only what ships now (allocated above zero); backorders reserve nothing. */
  reservations: StockReservation[];
}

/** The location id given to a backorder that no location can be named for. */
export const UNASSIGNED_LOCATION = 'unassigned';
