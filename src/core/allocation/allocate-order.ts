import { compareDecimals } from '../../canonical/index.js';
import type { LineAllocation } from '../acknowledge-line.js';
import { backorderAll, type ItemLine } from './line-fills.js';
import { StockBook } from './stock-book.js';
import { allocationStrategies } from './strategies.js';
import type { AllocationPlan, AllocationRules, LineToAllocate, StockAtLocation } from './types.js';

function isItemLine(line: LineToAllocate): line is ItemLine {
  return line.itemId !== undefined && compareDecimals(line.quantity, '0') > 0;
}

/**
 * Decides where each line ships from, by the partner's strategy, against the stock available to
 * promise. Lines are served in the order given, so when they compete for the same stock the
 * earlier line wins. A line without an item or without a quantity is answered with a backorder
 * of its whole quantity (nothing, for a zero line) and reserves nothing. Pure: the caller reserves
 * `reservations` and keeps `allocations` for the 855.
 *
 * @example
 * const plan = allocateOrder(
 *   [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
 *   [{ itemId: 'W-1', locationId: 'DC-EAST', kind: 'dc', available: '4' }],
 *   { strategy: 'single-location-first' },
 * );
 * // plan.allocations: [{ lineNumber: '1', allocated: '4', backordered: '6', locationId: 'DC-EAST' }]
 */
export function allocateOrder(
  lines: readonly LineToAllocate[],
  stock: readonly StockAtLocation[],
  rules: AllocationRules,
): AllocationPlan {
  const book = new StockBook(stock, rules);
  const byLine = new Map<string, LineAllocation[]>();
  const served = lines.filter(isItemLine);
  for (const allocation of allocationStrategies[rules.strategy].allocate(served, book)) {
    byLine.set(allocation.lineNumber, [...(byLine.get(allocation.lineNumber) ?? []), allocation]);
  }
  const allocations = lines.flatMap(
    (line) =>
      byLine.get(line.lineNumber) ??
      backorderAll(line, line.itemId === undefined ? [] : book.locationsFor(line.itemId)),
  );
  const itemOf = new Map(served.map((line) => [line.lineNumber, line.itemId]));
  const reservations = allocations.flatMap((allocation) => {
    const itemId = itemOf.get(allocation.lineNumber);
    if (itemId === undefined || compareDecimals(allocation.allocated, '0') <= 0) return [];
    return [
      {
        lineNumber: allocation.lineNumber,
        itemId,
        locationId: allocation.locationId,
        quantity: allocation.allocated,
      },
    ];
  });
  return { allocations, reservations };
}
