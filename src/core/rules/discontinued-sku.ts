import { catalogItemFor } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { orderedLines } from '../order-lines.js';

const RULE_ID = 'discontinued-sku';

/** A line that orders an item we no longer sell. */
export const discontinuedSku: OrderRule = {
  id: RULE_ID,
  description: 'The line orders a discontinued item.',
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const item = catalogItemFor(line, context.catalog);
      if (item?.status !== 'discontinued') continue;
      const offer = item.replacementItemId
        ? `offer the buyer ${item.replacementItemId} instead or cancel the line`
        : 'cancel the line or ask the buyer for another item';
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `Line ${line.lineNumber}: item ${item.itemId} is discontinued; ${offer}.`,
        data: {
          itemId: item.itemId,
          ...(item.replacementItemId ? { replacementItemId: item.replacementItemId } : {}),
        },
      });
    }
    return findings;
  },
};
