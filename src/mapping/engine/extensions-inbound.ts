import type { ExtensionElement, ExtensionLoop, ExtensionSegment } from '../../canonical/index.js';
import { isLoop, type LoopInstance, type Segment } from '../../x12/index.js';
import { hierarchyOrder } from './hierarchy-order.js';
import type { ReadTracker } from './read-tracker.js';

/**
 * The segments of a set that no mapping rule read, as extensions: each with its elements as sent
 * and the loop iterations around it. ST and SE, HL segments and the LS/LE pair of a bounded loop
 * are the structure itself and never extensions.
 *
 * @example
 * const extensions = collectExtensions(set.loops, reads);
 * // [{ segment: 'FOB', elements: ['PP'], loops: [] }, { segment: 'TD3', elements: [...], loops: [{ loop: 'HL', iteration: 1 }] }]
 */
export function collectExtensions(tree: LoopInstance, reads: ReadTracker): ExtensionSegment[] {
  const hlNumbers = new Map<LoopInstance, number>();
  for (const hierarchy of reads.hierarchies) {
    const numbers = new Map(hierarchyOrder(hierarchy.rule, hierarchy.root).map((n) => [n.item, n.id]));
    for (const [iteration, item] of hierarchy.items) {
      const id = numbers.get(item);
      if (id !== undefined) hlNumbers.set(iteration, id);
    }
  }
  const out: ExtensionSegment[] = [];
  const walk = (loop: LoopInstance, path: ExtensionLoop[]): void => {
    const counts = new Map<string, number>();
    loop.items.forEach((item, index) => {
      if (isLoop(item)) {
        const count = (counts.get(item.loopId) ?? 0) + 1;
        counts.set(item.loopId, count);
        walk(item, [...path, loopStep(item, hlNumbers.get(item) ?? count)]);
        return;
      }
      if (reads.wasRead(item) || isStructural(item, loop, index)) return;
      out.push({ segment: item.id, elements: elementsOf(item), loops: path });
    });
  };
  walk(tree, []);
  return out;
}

function loopStep(loop: LoopInstance, iteration: number): ExtensionLoop {
  const first = loop.items[0];
  const identifier = loop.loopId === 'LS' && first && !isLoop(first) ? first.value(1) : '';
  return identifier === ''
    ? { loop: loop.loopId, iteration }
    : { loop: loop.loopId, iteration, loopIdentifier: identifier };
}

function isStructural(segment: Segment, loop: LoopInstance, index: number): boolean {
  if (loop.loopId === 'ST') return segment.id === 'ST' || segment.id === 'SE';
  if (loop.loopId === 'HL') return index === 0 && segment.id === 'HL';
  if (loop.loopId === 'LS')
    return (index === 0 && segment.id === 'LS') || (index === loop.items.length - 1 && segment.id === 'LE');
  return false;
}

/**
 * Element values as sent, split into components and repetitions. Trailing empty elements and
 * components are left out, as the writer leaves them out.
 */
function elementsOf(segment: Segment): ExtensionElement[] {
  const { component, repetition } = segment.delimiters;
  const elements = segment.elements.map((raw): ExtensionElement => {
    const repeats = repetition !== undefined && raw.includes(repetition) ? raw.split(repetition) : [raw];
    const split = repeats.map((r) => withoutTrailingEmpties(r.split(component)));
    if (split.length > 1) return split.map((parts) => (parts.length > 0 ? parts : ['']));
    const [only = []] = split;
    return only.length > 1 ? only : (only[0] ?? '');
  });
  return withoutTrailingEmpties(elements);
}

function withoutTrailingEmpties<T>(values: T[]): T[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
}
