import { ElementError, loopsOf, type LoopInstance, type Segment } from '../../x12/index.js';
import type { InboundContext } from './contexts.js';
import type { HierarchyRule, Rule } from './mapping-schema.js';
import { objectAt, pushAt } from './paths.js';

type Bag = Record<string, unknown>;

/**
 * Rebuilds the HL tree from HL01 (id), HL02 (parent) and HL03 (level): each HL iteration becomes
 * an item of its level's `each` array inside its parent's object (the document itself for a level
 * mapped `into: .`), then its body is read into that item. Which item each HL iteration became is
 * kept in the read tracker, so that extensions inside it can name the HL it is written back as.
 * `applyBody` reads each level's rules (the inbound reader passes itself).
 */
export function applyHierarchyInbound(
  rule: HierarchyRule,
  loop: LoopInstance,
  target: Bag,
  context: InboundContext,
  applyBody: (rules: Rule[], loop: LoopInstance, target: Bag, context: InboundContext) => void,
): void {
  const byId = new Map<string, Bag>();
  const items = new Map<LoopInstance, Bag>();
  context.reads.hierarchies.push({ rule, root: target, items });
  for (const iteration of loopsOf(loop, 'HL')) {
    const hl = iteration.items[0] as Segment | undefined;
    if (!hl || 'loopId' in hl) continue;
    const id = context.elements.text(hl, 1) ?? '';
    const parentId = context.elements.text(hl, 2);
    const levelCode = context.elements.text(hl, 3) ?? '';
    const level = rule.levels[levelCode];
    if (!level) {
      context.elements.reject(
        hl,
        3,
        ElementError.invalidCode,
        levelCode,
        `is not a hierarchical level this mapping knows (${Object.keys(rule.levels).join(', ')})`,
      );
      continue;
    }
    const parent = parentId === undefined ? target : byId.get(parentId);
    if (!parent) {
      context.elements.reject(hl, 2, ElementError.invalidCode, parentId ?? '', 'names no HL read before it');
      continue;
    }
    let item: Bag;
    if (level.each) {
      item = {};
      pushAt(objectAt(parent, level.into), level.each, item);
    } else item = objectAt(parent, level.into);
    byId.set(id, item);
    items.set(iteration, item);
    context.reads.read(hl);
    applyBody(level.body, { loopId: 'HL', items: iteration.items.slice(1) }, item, context);
  }
}
