import type { HierarchyRule } from './mapping-schema.js';
import { getPath, itemsAt } from './paths.js';

type Bag = Record<string, unknown>;

/** One HL as written: the level's item, its HL03 code, HL01, HL02 and whether children follow (HL04). */
export interface HierarchyNode {
  item: Bag;
  code: string;
  id: number;
  parent: number | undefined;
  children: number;
}

/**
 * The HL tree of a document in the order it is written: depth first from the root level (the one
 * mapped without `each`), numbered from 1, a level's children in the order the mapping lists
 * their levels. Inbound uses the same order to say which HL an extension sits in.
 *
 * @example
 * hierarchyOrder(rule, shipNotice).map((n) => `${n.id}:${n.code}`); // ['1:S', '2:O', '3:P', '4:I']
 */
export function hierarchyOrder(rule: HierarchyRule, document: Bag): HierarchyNode[] {
  const levels = Object.entries(rule.levels);
  const root = levels.find(([, level]) => !level.each);
  if (!root) return [];
  const nodes: HierarchyNode[] = [];
  const visit = (item: Bag, code: string, parent: number | undefined): void => {
    const node: HierarchyNode = { item, code, id: nodes.length + 1, parent, children: 0 };
    nodes.push(node);
    for (const [childCode, level] of levels) {
      if (level.each === undefined) continue;
      const owner = level.into === undefined || level.into === '.' ? item : getPath(item, level.into);
      for (const child of itemsAt(owner, level.each)) {
        node.children++;
        visit(child, childCode, node.id);
      }
    }
  };
  visit(document, root[0], undefined);
  return nodes;
}
