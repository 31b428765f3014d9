import { catalogItemFor, sellingUnitFor } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { Exact } from '../exact-decimal.js';
import { orderedLines } from '../order-lines.js';

const RULE_ID = 'pack-size';

/** A quantity that is not a whole number of packs of the unit ordered. */
export const packSize: OrderRule = {
  id: RULE_ID,
  description: 'The quantity is not a multiple of the pack size.',
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const item = catalogItemFor(line, context.catalog);
      const unit = item && sellingUnitFor(item, line.uom);
      if (!item || !unit?.packSize) continue;
      const pack = new Exact(unit.packSize);
      if (pack.lte(0)) continue;
      const quantity = new Exact(line.quantity);
      // Decimal modulo is exact: 0.3 is a multiple of 0.1 here, unlike in floating point.
      if (quantity.mod(pack).isZero()) continue;
      const roundedUp = quantity.dividedBy(pack).ceil().times(pack).toFixed();
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `Line ${line.lineNumber}: ${line.quantity} ${line.uom} of item ${item.itemId} is not a multiple of the pack of ${unit.packSize}; change the quantity (e.g. to ${roundedUp}) with the buyer's agreement.`,
        data: {
          itemId: item.itemId,
          quantity: line.quantity,
          uom: line.uom,
          packSize: unit.packSize,
          suggestedQuantity: roundedUp,
        },
      });
    }
    return findings;
  },
};
