import type { SegmentValues } from '../../x12/index.js';
import { applyOutbound, type OutboundContext } from './outbound.js';
import type { HierarchyRule } from './mapping-schema.js';
import { itemsAt } from './paths.js';

type Bag = Record<string, unknown>;

/**
 * Writes the HL tree depth first: the root level (mapped `into: .`) is HL 1, every item of a
 * child level's `each` array follows its parent with the next number, HL02 naming the parent and
 * HL04 saying whether children follow. Child levels go in the order the mapping lists them.
 */
export function emitHierarchy(
  rule: HierarchyRule,
  document: Bag,
  out: SegmentValues[],
  context: OutboundContext,
): void {
  const levels = Object.entries(rule.levels);
  const root = levels.find(([, level]) => !level.each);
  if (!root) return;
  let next = 1;
  const visit = (item: Bag, code: string, parent: number | undefined) => {
    const id = next++;
    const children = levels.filter(
      ([, level]) => level.each !== undefined && itemsAt(item, level.each).length > 0,
    );
    out.push([
      'HL',
      String(id),
      parent === undefined ? '' : String(parent),
      code,
      children.length > 0 ? '1' : '0',
    ]);
    applyOutbound(rule.levels[code]?.body ?? [], item, out, context);
    for (const [childCode, level] of children) {
      for (const child of itemsAt(item, level.each as string)) visit(child, childCode, id);
    }
  };
  visit(document, root[0], undefined);
}
