import type { SegmentDictionary, StructureNode, TransactionSetSpec } from '../specs/spec-types.js';
import type { CompiledSegment } from './compiled-segment.js';

/** A structure node prepared for matching: what segment id starts it and how often it may occur. */
export interface CompiledNode {
  readonly kind: 'segment' | 'loop';
  /** Segment id, or loop id. */
  readonly id: string;
  /** The segment id that starts this node (for a loop, its first child's). */
  readonly startId: string;
  readonly mandatory: boolean;
  readonly max: number;
  readonly children: readonly CompiledNode[];
  /** For a loop: where each start segment id occurs among `children`, in order. */
  readonly childIndex: ReadonlyMap<string, readonly number[]>;
  /** For a segment: its compiled definition, looked up once on first use (null: none). */
  definition?: CompiledSegment | null;
}

export interface CompiledSet {
  readonly spec: TransactionSetSpec;
  readonly root: readonly CompiledNode[];
  readonly rootIndex: ReadonlyMap<string, readonly number[]>;
  /** Every segment id the set's structure uses, at any depth. */
  readonly segmentIds: ReadonlySet<string>;
  readonly dictionary: SegmentDictionary;
}

const cache = new WeakMap<TransactionSetSpec, CompiledSet>();

/** Compiles a set's structure once; the result is shared by every set of that kind. */
export function compileSet(spec: TransactionSetSpec, dictionary: SegmentDictionary): CompiledSet {
  let compiled = cache.get(spec);
  if (!compiled) {
    const segmentIds = new Set<string>();
    const root = spec.structure.map((n) => compileNode(n, segmentIds));
    compiled = { spec, root, rootIndex: indexByStart(root), segmentIds, dictionary };
    cache.set(spec, compiled);
  }
  return compiled;
}

function compileNode(node: StructureNode, ids: Set<string>): CompiledNode {
  const max = node.max < 0 ? Number.POSITIVE_INFINITY : node.max;
  if ('segment' in node) {
    ids.add(node.segment);
    return {
      kind: 'segment',
      id: node.segment,
      startId: node.segment,
      mandatory: node.req === 'M',
      max,
      children: [],
      childIndex: new Map(),
    };
  }
  const children = node.children.map((c) => compileNode(c, ids));
  const first = children[0];
  if (!first || first.kind !== 'segment') throw new Error(`loop ${node.loop} must start with a segment`);
  return {
    kind: 'loop',
    id: node.loop,
    startId: first.id,
    mandatory: node.req === 'M',
    max,
    children,
    childIndex: indexByStart(children),
  };
}

/** Positions of each start segment id in a node list, so a segment finds its place without a scan. */
function indexByStart(nodes: readonly CompiledNode[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const list = index.get(node.startId);
    if (list) list.push(i);
    else index.set(node.startId, [i]);
  });
  return index;
}
