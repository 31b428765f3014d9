import type { Decimal } from 'decimal.js';
import type { LineAllocation } from '../acknowledge-line.js';
import { Exact } from '../exact-decimal.js';
import type { StockBook } from './stock-book.js';
import { UNASSIGNED_LOCATION, type LineToAllocate } from './types.js';

/** A line whose item is known: the only kind the fills below take stock for. */
export type ItemLine = LineToAllocate & { itemId: string };

function entry(line: LineToAllocate, locationId: string, allocated: Decimal, backordered: Decimal) {
  return {
    lineNumber: line.lineNumber,
    allocated: allocated.toFixed(),
    backordered: backordered.toFixed(),
    locationId,
  } satisfies LineAllocation;
}

/** The whole line backordered: no stock, no item, or nothing ordered. */
export function backorderAll(line: LineToAllocate, locations: readonly string[]): LineAllocation[] {
  const quantity = new Exact(line.quantity);
  return [entry(line, locations[0] ?? UNASSIGNED_LOCATION, new Exact(0), quantity)];
}

/** The first of `locations` that can ship the whole line on its own. */
export function wholeLineFrom(
  book: StockBook,
  line: ItemLine,
  locations: readonly string[],
): string | undefined {
  return locations.find((locationId) => book.available(line.itemId, locationId).gte(line.quantity));
}

/** What one location can ship of the line; the rest waits there as a backorder. */
export function fillFrom(book: StockBook, line: ItemLine, locationId: string): LineAllocation[] {
  const quantity = new Exact(line.quantity);
  const allocated = Exact.min(quantity, book.available(line.itemId, locationId));
  book.take(line.itemId, locationId, allocated);
  return [entry(line, locationId, allocated, quantity.minus(allocated))];
}

/**
 * The line filled from each location in turn until it is complete. The rest is backordered at the
 * first location, where the partner would rather it shipped from.
 */
export function fillAcross(book: StockBook, line: ItemLine, locations: readonly string[]): LineAllocation[] {
  let missing = new Exact(line.quantity);
  const filled: LineAllocation[] = [];
  for (const locationId of locations) {
    if (missing.isZero()) break;
    const allocated = Exact.min(missing, book.available(line.itemId, locationId));
    if (allocated.isZero()) continue;
    book.take(line.itemId, locationId, allocated);
    filled.push(entry(line, locationId, allocated, new Exact(0)));
    missing = missing.minus(allocated);
  }
  if (missing.isZero()) return filled;
  const home = locations[0] ?? UNASSIGNED_LOCATION;
  const atHome = filled.find((f) => f.locationId === home);
  if (atHome) atHome.backordered = missing.toFixed();
  else filled.unshift(entry(line, home, new Exact(0), missing));
  return filled;
}
