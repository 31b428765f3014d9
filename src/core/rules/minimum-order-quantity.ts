import { compareDecimals } from '../../canonical/index.js';
import { catalogItemFor, sellingUnitFor } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { orderedLines } from '../order-lines.js';

const RULE_ID = 'minimum-order-quantity';

/**
 * A line below its minimum order quantity. The catalog's minimum for the unit ordered wins over
 * the partner's general minimum, since it is the more specific agreement.
 */
export const minimumOrderQuantity: OrderRule = {
  id: RULE_ID,
  description: 'The line quantity is below the minimum order quantity.',
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const item = catalogItemFor(line, context.catalog);
      const catalogMinimum = item && sellingUnitFor(item, line.uom)?.minimumOrderQuantity;
      const minimum = catalogMinimum ?? context.partner.minimumOrderQuantity;
      if (minimum === undefined || compareDecimals(line.quantity, minimum) >= 0) continue;
      const source = catalogMinimum === undefined ? 'partner' : 'catalog';
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `Line ${line.lineNumber}: ${line.quantity} ${line.uom} is below the minimum order quantity of ${minimum}; raise the quantity with the buyer's agreement or cancel the line.`,
        data: {
          quantity: line.quantity,
          uom: line.uom,
          minimum,
          minimumSource: source,
          ...(item ? { itemId: item.itemId } : {}),
        },
      });
    }
    return findings;
  },
};
