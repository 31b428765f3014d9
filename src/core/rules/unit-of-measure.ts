import { catalogItemFor, sellingUnitFor } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { orderedLines } from '../order-lines.js';

const RULE_ID = 'unit-of-measure';

/** A line ordered in a unit of measure the item is not sold in. */
export const unitOfMeasure: OrderRule = {
  id: RULE_ID,
  description: 'The line is ordered in a unit of measure the item is not sold in.',
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const item = catalogItemFor(line, context.catalog);
      if (!item || sellingUnitFor(item, line.uom)) continue;
      const soldIn = item.units.map((unit) => unit.uom).join(', ') || 'no unit';
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `Line ${line.lineNumber}: item ${item.itemId} is not sold in ${line.uom} (sold in ${soldIn}); ask the buyer to reorder in a unit we sell.`,
        data: { itemId: item.itemId, actualUom: line.uom, expectedUoms: soldIn },
      });
    }
    return findings;
  },
};
