import type { ExtensionLoop, ExtensionSegment } from '../../canonical/index.js';
import { GatewayError } from '../../errors/index.js';
import {
  transactionSetSpec,
  type SegmentValues,
  type SpecVersion,
  type StructureNode,
} from '../../x12/index.js';

/** A written segment and the place (index in its loop's structure) it took. */
interface Placed {
  values: SegmentValues;
  node: number;
}

/** A loop iteration of the set being written (the set itself at the root). */
interface Iteration {
  loopId: string;
  nodes: readonly StructureNode[];
  /** Index of the loop in its parent's structure; -1 for the set. */
  node: number;
  items: (Placed | Iteration)[];
}

const isIteration = (item: Placed | Iteration): item is Iteration => 'loopId' in item;

const startId = (node: StructureNode): string =>
  'segment' in node
    ? node.segment
    : node.children[0] && 'segment' in node.children[0]
      ? node.children[0].segment
      : node.loop;

/**
 * The segments of a set with its extensions written back: each goes into the loop iteration it
 * came from (a new one when the written set has no such iteration, an LS/LE pair around a bounded
 * loop), at the first place the set's structure accepts it after the segments written before it.
 *
 * @example
 * withExtensions(segments, [{ segment: 'FOB', elements: ['PP'], loops: [] }], '004010', '850');
 */
export function withExtensions(
  segments: readonly SegmentValues[],
  extensions: readonly ExtensionSegment[],
  version: SpecVersion,
  setId: string,
): SegmentValues[] {
  const spec = transactionSetSpec(version, setId);
  if (!spec) throw misplaced(extensions[0], `${version} has no structure for transaction set ${setId}`);
  const root = placeAll(segments, spec.structure);
  for (const extension of extensions) {
    let iteration = root;
    extension.loops.forEach((step, i) => {
      // A loop's own first segment, unread, starts an iteration of its own at its place.
      const starts =
        i === extension.loops.length - 1 && step.loop === extension.segment && step.loop !== 'HL';
      iteration = iterationFor(iteration, step, extension, starts);
    });
    const index = nodeIndex(iteration, extension.segment);
    if (index === undefined)
      throw misplaced(extension, `the ${setId} structure has no ${extension.segment} in ${where(iteration)}`);
    const values: SegmentValues = [extension.segment, ...extension.elements];
    const node = iteration.nodes[index];
    if (node && 'children' in node) {
      insert(iteration, {
        loopId: node.loop,
        nodes: node.children,
        node: index,
        items: [{ values, node: 0 }],
      });
    } else insert(iteration, { values, node: index });
  }
  return flatten(root);
}

/** Walks written segments through the structure the way the validator does, keeping the loop tree. */
function placeAll(segments: readonly SegmentValues[], structure: readonly StructureNode[]): Iteration {
  const root: Iteration = { loopId: 'ST', nodes: structure, node: -1, items: [] };
  const stack: { iteration: Iteration; at: number }[] = [{ iteration: root, at: -1 }];
  for (const values of segments) {
    let placed = false;
    for (let depth = stack.length - 1; depth >= 0 && !placed; depth--) {
      const frame = stack[depth] as { iteration: Iteration; at: number };
      // A loop's first segment starts its next iteration, one level up.
      const from = depth > 0 ? Math.max(frame.at, 1) : frame.at;
      const index = frame.iteration.nodes.findIndex((n, k) => k >= from && startId(n) === values[0]);
      if (index < 0) continue;
      stack.length = depth + 1;
      frame.at = index;
      const node = frame.iteration.nodes[index] as StructureNode;
      if ('segment' in node) frame.iteration.items.push({ values, node: index });
      else {
        const iteration: Iteration = { loopId: node.loop, nodes: node.children, node: index, items: [] };
        iteration.items.push({ values, node: 0 });
        frame.iteration.items.push(iteration);
        stack.push({ iteration, at: 0 });
      }
      placed = true;
    }
    // A segment with no place stays where it was written; validation names it.
    const top = stack[stack.length - 1] as { iteration: Iteration; at: number };
    if (!placed) top.iteration.items.push({ values, node: top.at });
  }
  return root;
}

/**
 * The iteration a step names inside `parent`. A new one is added for an extension that starts it
 * (before the iteration that holds its place now), and for an LS/LE bounded loop; any other
 * extension needs the iteration to be there.
 */
function iterationFor(
  parent: Iteration,
  step: ExtensionLoop,
  extension: ExtensionSegment,
  starts: boolean,
): Iteration {
  const existing = parent.items.filter((i): i is Iteration => isIteration(i) && i.loopId === step.loop);
  const found = existing[step.iteration - 1];
  if (found && !starts) return found;
  const index = parent.nodes.findIndex((n) => 'children' in n && n.loop === step.loop);
  const node = parent.nodes[index];
  if (!node || !('children' in node))
    throw misplaced(extension, `the structure has no ${step.loop} loop in ${where(parent)}`);
  if (!starts && step.loop !== 'LS')
    throw misplaced(extension, `the document has no ${step.loop} ${step.iteration} to write it in`);
  const iteration: Iteration = { loopId: step.loop, nodes: node.children, node: index, items: [] };
  if (step.loop === 'LS') {
    const code = step.loopIdentifier ?? '';
    iteration.items.push({ values: ['LS', code], node: 0 });
    iteration.items.push({ values: ['LE', code], node: node.children.length - 1 });
  }
  if (found) parent.items.splice(parent.items.indexOf(found), 0, iteration);
  else insert(parent, iteration);
  return iteration;
}

/** The place of a segment id in an iteration's structure; its own first segment is place 0. */
function nodeIndex(iteration: Iteration, segmentId: string): number | undefined {
  const index = iteration.nodes.findIndex((n) => startId(n) === segmentId);
  return index < 0 ? undefined : index;
}

/** Inserts after the last item whose place is not after the new one's. */
function insert(iteration: Iteration, item: Placed | Iteration): void {
  let at = iteration.items.length;
  while (at > 0 && (iteration.items[at - 1] as Placed | Iteration).node > item.node) at--;
  iteration.items.splice(at, 0, item);
}

function flatten(iteration: Iteration, out: SegmentValues[] = []): SegmentValues[] {
  for (const item of iteration.items) {
    if (isIteration(item)) flatten(item, out);
    else out.push(item.values);
  }
  return out;
}

function where(iteration: Iteration): string {
  return iteration.loopId === 'ST' ? 'the set itself' : `the ${iteration.loopId} loop`;
}

function misplaced(extension: ExtensionSegment | undefined, why: string): GatewayError {
  const path = extension?.loops.map((l) => `${l.loop} ${l.iteration}`).join(' > ') || 'the set itself';
  return new GatewayError(
    'render-invalid',
    `extension ${extension?.segment ?? ''} (in ${path}) cannot be written back: ${why}; correct or remove it in the document's extensions`,
    { permanent: true, status: 422 },
  );
}
