import type { PurchaseOrder } from '../../canonical/index.js';
import type { RuleFinding } from '../finding.js';
import { lineDecisions } from '../resolutions/line-decisions.js';
import type { LineToAllocate } from './types.js';

/**
 * The lines of an accepted order that need stock, with the quantity staff agreed where they
 * changed it. Lines staff cancelled are left out: the 855 answers them `IR` without allocation.
 *
 * @example
 * linesToAllocate(order, findings, new Map([['1', 'W-1']]));
 * // [{ lineNumber: '1', itemId: 'W-1', quantity: '12' }]
 */
export function linesToAllocate(
  order: PurchaseOrder,
  findings: readonly RuleFinding[],
  itemIds: ReadonlyMap<string, string>,
): LineToAllocate[] {
  return order.lines.flatMap((line) => {
    const decisions = lineDecisions(findings, line.lineNumber);
    if (decisions.cancelled) return [];
    const itemId = itemIds.get(line.lineNumber);
    return [
      {
        lineNumber: line.lineNumber,
        ...(itemId === undefined ? {} : { itemId }),
        quantity: decisions.quantity ?? line.quantity,
      },
    ];
  });
}
