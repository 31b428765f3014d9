import { catalogItemFor, sellingUnitFor } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { orderedLines } from '../order-lines.js';
import { priceFor } from '../price-lookup.js';
import { comparePrice } from '../price-tolerance.js';

const RULE_ID = 'price-mismatch';

/**
 * The buyer's unit price against our contract or list price, within the partner's tolerance.
 * Lines whose item or unit is unknown are left to the rules that report those.
 */
export const priceMismatch: OrderRule = {
  id: RULE_ID,
  description: "The line's unit price differs from our contract or list price by more than the tolerance.",
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const item = catalogItemFor(line, context.catalog);
      if (!item || !sellingUnitFor(item, line.uom)) continue;
      const price = priceFor(item, line.uom, order.partnerId, context.priceList);
      const at = `Line ${line.lineNumber} (item ${item.itemId}, ${line.uom})`;
      if (!price) {
        findings.push({
          ruleId: RULE_ID,
          severity: 'hold',
          lineNumber: line.lineNumber,
          message: `${at}: we have no price on file; add one to the price list or agree the buyer's price.`,
          data: {
            itemId: item.itemId,
            uom: line.uom,
            ...(line.unitPrice ? { actualPrice: line.unitPrice } : {}),
          },
        });
        continue;
      }
      const source = price.partnerId ? 'contract' : 'list';
      if (line.unitPrice === undefined) {
        // No price sent means the buyer takes ours: worth noting, nothing to hold for.
        findings.push({
          ruleId: RULE_ID,
          severity: 'warning',
          lineNumber: line.lineNumber,
          message: `${at}: no unit price was sent; our ${source} price ${price.unitPrice} applies.`,
          data: { itemId: item.itemId, uom: line.uom, expectedPrice: price.unitPrice, priceSource: source },
        });
        continue;
      }
      const tolerance = context.partner.priceTolerancePercent;
      const comparison = comparePrice(line.unitPrice, price.unitPrice, tolerance);
      if (comparison.withinTolerance) continue;
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `${at}: the buyer's price ${line.unitPrice} differs from our ${source} price ${price.unitPrice} by ${comparison.difference} (${comparison.differencePercent}%), beyond the ${tolerance}% tolerance; accept their price or answer with ours.`,
        data: {
          itemId: item.itemId,
          uom: line.uom,
          expectedPrice: price.unitPrice,
          actualPrice: line.unitPrice,
          difference: comparison.difference,
          differencePercent: comparison.differencePercent,
          tolerancePercent: tolerance,
          priceSource: source,
          ...(price.contractNumber ? { contractNumber: price.contractNumber } : {}),
        },
      });
    }
    return findings;
  },
};
