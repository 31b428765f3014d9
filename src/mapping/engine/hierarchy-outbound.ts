import type { SegmentValues } from '../../x12/index.js';
import { hierarchyOrder } from './hierarchy-order.js';
import type { OutboundContext } from './contexts.js';
import type { HierarchyRule, Rule } from './mapping-schema.js';

type Bag = Record<string, unknown>;

/**
 * Writes the HL tree depth first: the root level (mapped `into: .`) is HL 1, every item of a
 * child level's `each` array follows its parent with the next number, HL02 naming the parent and
 * HL04 saying whether children follow. Child levels go in the order the mapping lists them.
 * `applyBody` writes each level's rules (the outbound writer passes itself).
 */
export function emitHierarchy(
  rule: HierarchyRule,
  document: Bag,
  out: SegmentValues[],
  context: OutboundContext,
  applyBody: (rules: Rule[], item: Bag, out: SegmentValues[], context: OutboundContext) => void,
): void {
  for (const node of hierarchyOrder(rule, document)) {
    out.push([
      'HL',
      String(node.id),
      node.parent === undefined ? '' : String(node.parent),
      node.code,
      node.children > 0 ? '1' : '0',
    ]);
    applyBody(rule.levels[node.code]?.body ?? [], node.item, out, context);
  }
}
