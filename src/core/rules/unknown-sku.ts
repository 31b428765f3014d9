import { findCatalogItem } from '../catalog-lookup.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { orderedLines } from '../order-lines.js';

const RULE_ID = 'unknown-sku';

/** A line whose ids match no catalog item, or match several different ones. */
export const unknownSku: OrderRule = {
  id: RULE_ID,
  description: 'The line identifies no item in our catalog (or more than one).',
  check(order, context) {
    const findings: RuleFinding[] = [];
    for (const line of orderedLines(order)) {
      const match = findCatalogItem(line, context.catalog);
      if (match.kind === 'unknown') {
        const tried = match.triedIds.join(', ') || 'none';
        findings.push({
          ruleId: RULE_ID,
          severity: 'hold',
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: no catalog item matches the ids sent (${tried}); add the cross-reference or ask the buyer for our item number.`,
          data: { triedIds: tried },
        });
      } else if (match.kind === 'ambiguous') {
        const itemIds = match.items.map((item) => item.itemId).join(', ');
        findings.push({
          ruleId: RULE_ID,
          severity: 'hold',
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: the ids sent point to different items (${itemIds}); correct the cross-reference or confirm the item with the buyer.`,
          data: { matchingItemIds: itemIds },
        });
      }
    }
    return findings;
  },
};
