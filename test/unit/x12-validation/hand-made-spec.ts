import { COMMON_DELIMITERS } from '../../../src/x12/delimiters.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import { isLoop, type LoopInstance } from '../../../src/x12/loops.js';
import { Segment } from '../../../src/x12/segment.js';
import type {
  SegmentDictionary,
  StructureNode,
  TransactionSetSpec,
} from '../../../src/x12/specs/spec-types.js';
import { compileSet } from '../../../src/x12/validation/compiled-spec.js';
import { StructureWalker } from '../../../src/x12/validation/structure.js';

/** A dictionary that knows `ids` (no elements: the structure walker never looks at them). */
export function dictionaryOf(ids: readonly string[]): SegmentDictionary {
  return {
    version: 'TEST',
    composites: {},
    segments: Object.fromEntries(ids.map((id) => [id, { name: `${id} segment`, elements: [] }])),
  };
}

export const seg = (segment: string, req: 'M' | 'O', max: number): StructureNode => ({ segment, req, max });
export const loop = (id: string, req: 'M' | 'O', max: number, children: StructureNode[]): StructureNode => ({
  loop: id,
  req,
  max,
  children,
});

export function setSpec(structure: StructureNode[]): TransactionSetSpec {
  return { id: '999', version: 'TEST', name: 'Test set', functionalGroup: 'ZZ', structure };
}

/**
 * A small set with every kind of node:
 *
 * ```
 * ST M1, AAA M1, BBB O2,
 * N1 loop O2 [N1 M1, N3 M1, N4 O1],
 * LIN loop M>1 [LIN M1, QTY O1, SUB loop O1 [SUB M1, NTE O2], MSG O1],
 * CCC O1, TOT loop M1 [TOT M1], SE M1
 * ```
 */
export const ORDER = setSpec([
  seg('ST', 'M', 1),
  seg('AAA', 'M', 1),
  seg('BBB', 'O', 2),
  loop('N1', 'O', 2, [seg('N1', 'M', 1), seg('N3', 'M', 1), seg('N4', 'O', 1)]),
  loop('LIN', 'M', -1, [
    seg('LIN', 'M', 1),
    seg('QTY', 'O', 1),
    loop('SUB', 'O', 1, [seg('SUB', 'M', 1), seg('NTE', 'O', 2)]),
    seg('MSG', 'O', 1),
  ]),
  seg('CCC', 'O', 1),
  loop('TOT', 'M', 1, [seg('TOT', 'M', 1)]),
  seg('SE', 'M', 1),
]);

/** Segments the dictionary knows; `XXX` is a real segment that ORDER does not use. */
export const ORDER_DICTIONARY = dictionaryOf([
  'ST',
  'SE',
  'AAA',
  'BBB',
  'CCC',
  'N1',
  'N3',
  'N4',
  'LIN',
  'QTY',
  'SUB',
  'NTE',
  'MSG',
  'TOT',
  'XXX',
]);

/** The line a walked segment sits on: ten times its position, so that line and position never agree. */
export const lineOf = (position: number) => position * 10;

/**
 * Walks segment ids (ST first, as in a set) through a spec and closes the set; returns the
 * walker's diagnostics and loop tree.
 */
export function walk(
  spec: TransactionSetSpec,
  ids: readonly string[],
  dictionary: SegmentDictionary = ORDER_DICTIONARY,
): { diagnostics: Diagnostic[]; root: LoopInstance; segments: Segment[] } {
  const walker = new StructureWalker(compileSet(spec, dictionary));
  const segments = ids.map(
    (id, i) =>
      new Segment(id, [], COMMON_DELIMITERS, { index: i + 1, line: lineOf(i + 1), column: 1, offset: 0 }),
  );
  segments.forEach((segment, i) => walker.place(segment, i + 1));
  walker.finish(segments.length, segments[segments.length - 1]);
  return { diagnostics: walker.diagnostics, root: walker.root, segments };
}

/** What AK3/IK3 carries, and the line. */
export function ak3(d: Diagnostic): {
  code: string;
  segmentId?: string;
  position?: number;
  loopId?: string;
  line?: number;
} {
  return {
    code: d.code,
    segmentId: d.segmentId,
    position: d.segmentPosition,
    ...(d.loopId !== undefined ? { loopId: d.loopId } : {}),
    line: d.line,
  };
}

/** A loop tree as nested ids: a segment is its id, a loop iteration `{ loopId: [...items] }`. */
export type Shape = (string | { [loopId: string]: Shape })[];

export function shapeOf(instance: LoopInstance): Shape {
  return instance.items.map((item) => (isLoop(item) ? { [item.loopId]: shapeOf(item) } : item.id));
}
