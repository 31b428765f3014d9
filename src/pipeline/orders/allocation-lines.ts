import { addDecimals, compareDecimals, type PurchaseOrder } from '../../canonical/index.js';
import { lineDecisions, type AllocationPlan, type RuleFinding } from '../../core/index.js';
import type { AllocationCommit, OrderLineStatus } from '../../store/index.js';

function statusOf(allocated: string, backordered: string): OrderLineStatus {
  if (compareDecimals(backordered, '0') <= 0) return 'allocated';
  return compareDecimals(allocated, '0') > 0 ? 'partially_allocated' : 'backordered';
}

/**
 * What each line of the order gets from an allocation plan, for the order's lines in the store:
 * totals, per-location detail and status. Lines staff cancelled are `cancelled` with nothing.
 *
 * @example
 * allocationLines(order, findings, plan, items)[0]; // { lineNumber: '1', allocated: '8', backordered: '4', status: 'partially_allocated', ... }
 */
export function allocationLines(
  order: PurchaseOrder,
  findings: readonly RuleFinding[],
  plan: AllocationPlan,
  items: ReadonlyMap<string, string>,
): AllocationCommit['lines'] {
  return order.lines.map((line) => {
    const itemId = items.get(line.lineNumber) ?? null;
    if (lineDecisions(findings, line.lineNumber).cancelled) {
      return {
        lineNumber: line.lineNumber,
        itemId,
        allocated: '0',
        backordered: '0',
        status: 'cancelled',
        locations: [],
      };
    }
    const locations = plan.allocations.filter((entry) => entry.lineNumber === line.lineNumber);
    const allocated = addDecimals(...locations.map((entry) => entry.allocated));
    const backordered = addDecimals(...locations.map((entry) => entry.backordered));
    return {
      lineNumber: line.lineNumber,
      itemId,
      allocated,
      backordered,
      status: statusOf(allocated, backordered),
      locations,
    };
  });
}
