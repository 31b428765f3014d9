import { ElementError, type LoopInstance, type Segment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { iterations, loopStart } from '../readers/loop-navigation.js';

/** One HL level with the levels that name it as their parent. */
export interface HlNode {
  readonly id: string;
  /** HL03: `S` shipment, `O` order, `T` tare, `P` pack, `I` item. */
  readonly level: string;
  readonly hl: Segment;
  readonly loop: LoopInstance;
  readonly children: HlNode[];
}

/**
 * Rebuilds the HL tree from HL01 (id) and HL02 (parent id). HL loops are siblings in the loop
 * tree, as in the standard; only these two elements say which carton belongs to which order.
 * A parent must come before its children. HLs that cannot be placed are reported and left out.
 */
export function buildHierarchy(tree: LoopInstance, elements: ElementReader): HlNode[] {
  const roots: HlNode[] = [];
  const byId = new Map<string, HlNode>();
  for (const loop of iterations(tree, 'HL')) {
    const hl = loopStart(loop);
    if (!hl) continue;
    const id = elements.text(hl, 1);
    const parentId = elements.text(hl, 2);
    const level = elements.text(hl, 3);
    if (id === undefined || level === undefined) {
      elements.absent(
        hl,
        id === undefined ? 1 : 3,
        'without an id and a level code the HL cannot be placed in the shipment',
      );
      continue;
    }
    if (byId.has(id)) {
      elements.reject(
        hl,
        1,
        ElementError.invalidCode,
        id,
        'is already the id of an earlier HL; each level needs its own',
      );
      continue;
    }
    const node: HlNode = { id, level, hl, loop, children: [] };
    byId.set(id, node);
    if (parentId === undefined) {
      roots.push(node);
      continue;
    }
    const parent = byId.get(parentId);
    if (parent) parent.children.push(node);
    else
      elements.reject(hl, 2, ElementError.invalidCode, parentId, `names no earlier HL as parent of HL ${id}`);
  }
  return roots;
}
