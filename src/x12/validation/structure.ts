import { SegmentError } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LoopInstance } from '../loops.js';
import type { Segment } from '../segment.js';
import type { CompiledNode, CompiledSet } from './compiled-spec.js';

/** One open loop iteration (the root is the transaction set itself). */
interface Frame {
  nodes: readonly CompiledNode[];
  index: ReadonlyMap<string, readonly number[]>;
  loopId: string | undefined;
  /** Index of the node matched last; -1 before the first. */
  at: number;
  /**
   * Uses of each node in this iteration. Frames are reused; a count is valid only where its stamp
   * equals the frame's `generation`, which spares clearing the array for every loop iteration.
   */
  readonly counts: number[];
  readonly stamps: number[];
  generation: number;
  instance: LoopInstance;
}

/**
 * Walks a transaction set's segments through its structure, the way X12 defines it: a segment
 * matches the next place at or after the current one in the innermost open loop, else in the
 * enclosing loops (closing the inner ones); a loop's first segment starts a new iteration. It
 * reports missing mandatory segments and loops, maximum use, and segments out of place, and
 * builds the loop tree that mapping reads.
 */
export class StructureWalker {
  private readonly stack: Frame[];
  /** Frames already allocated, by depth: a loop iteration reuses the one its depth had. */
  private readonly pool: Frame[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly root: LoopInstance = { loopId: 'ST', items: [] };

  constructor(private readonly set: CompiledSet) {
    this.stack = [
      {
        nodes: set.root,
        index: set.rootIndex,
        loopId: undefined,
        at: -1,
        counts: set.root.map(() => 0),
        stamps: set.root.map(() => 0),
        generation: 1,
        instance: this.root,
      },
    ];
  }

  /** The loop the last placed segment sits in (for AK303), if any. */
  get loopId(): string | undefined {
    return this.current().loopId;
  }

  /**
   * Places segment `segment` found at 1-based `position` in the set; returns the structure node of
   * the segment, or `undefined` when it matched no place in the structure (already reported).
   */
  place(segment: Segment, position: number): CompiledNode | undefined {
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const frame = this.stack[depth] as Frame;
      // In a loop, its first segment starts the next iteration, found one level up.
      const from = depth > 0 && frame.at < 1 ? 1 : frame.at;
      // Files mostly repeat the current segment or go on to the next one: try those two first.
      const here = frame.nodes[from];
      const nextNode = frame.nodes[from + 1];
      let quick = -1;
      if (here !== undefined && here.startId === segment.id && !this.full(frame, from)) quick = from;
      else if (nextNode !== undefined && nextNode.startId === segment.id && here?.startId !== segment.id)
        quick = from + 1;
      const candidates = quick >= 0 ? [quick] : frame.index.get(segment.id);
      if (!candidates) continue;
      for (let c = 0; c < candidates.length; c++) {
        const i = candidates[c] as number;
        if (i < from) continue;
        // A place used up to its maximum gives way to a later place with the same segment id.
        if (i === frame.at && c + 1 < candidates.length && this.full(frame, i)) continue;
        while (this.stack.length - 1 > depth) this.closeFrame(position, segment);
        this.reportSkipped(frame, i, position, segment);
        const node = frame.nodes[i] as CompiledNode;
        this.enter(frame, i, node, segment, position);
        return node.kind === 'segment' ? node : node.children[0];
      }
    }
    this.reportUnplaced(segment, position);
    this.current().instance.items.push(segment);
    return undefined;
  }

  /** Closes every open loop at the end of the set: whatever mandatory is still missing is reported. */
  finish(lastPosition: number, last: Segment | undefined): void {
    while (this.stack.length > 1) this.closeFrame(lastPosition, last, true);
    const root = this.current();
    this.reportSkipped(root, root.nodes.length, lastPosition, last, true);
  }

  /** Whether node `i` of the frame's current iteration has been used as often as it may. */
  private full(frame: Frame, i: number): boolean {
    return (
      frame.stamps[i] === frame.generation && (frame.counts[i] ?? 0) >= (frame.nodes[i] as CompiledNode).max
    );
  }

  private current(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private enter(frame: Frame, i: number, node: CompiledNode, segment: Segment, position: number): void {
    frame.at = i;
    const uses = (frame.counts[i] = frame.stamps[i] === frame.generation ? (frame.counts[i] ?? 0) + 1 : 1);
    frame.stamps[i] = frame.generation;
    if (uses > node.max) {
      const code = node.kind === 'loop' ? SegmentError.loopOverMaximum : SegmentError.segmentOverMaximumUse;
      const what =
        node.kind === 'loop'
          ? `loop ${node.id} occurs ${uses} times`
          : `segment ${node.id} is used ${uses} times`;
      this.report(
        code,
        segment.id,
        position,
        frame.loopId,
        `${what}; at most ${node.max} allowed here`,
        segment,
      );
    }
    if (node.kind === 'segment') {
      frame.instance.items.push(segment);
      return;
    }
    const instance: LoopInstance = { loopId: node.id, items: [segment] };
    frame.instance.items.push(instance);
    const depth = this.stack.length;
    let next = this.pool[depth];
    if (!next)
      this.pool[depth] = next = {
        nodes: node.children,
        index: node.childIndex,
        loopId: node.id,
        at: 0,
        counts: [],
        stamps: [],
        generation: 0,
        instance,
      };
    next.nodes = node.children;
    next.index = node.childIndex;
    next.loopId = node.id;
    next.at = 0;
    next.instance = instance;
    next.generation++;
    next.counts[0] = 1;
    next.stamps[0] = next.generation;
    this.stack.push(next);
  }

  private closeFrame(position: number, at: Segment | undefined, atEnd = false): void {
    const frame = this.stack.pop() as Frame;
    this.reportSkipped(frame, frame.nodes.length, position, at, atEnd);
  }

  /** Mandatory nodes between the frame's current place and `upTo` that never occurred. */
  private reportSkipped(
    frame: Frame,
    upTo: number,
    position: number,
    at: Segment | undefined,
    atEnd = false,
  ): void {
    for (let k = frame.at + 1; k < upTo; k++) {
      const node = frame.nodes[k] as CompiledNode;
      if (!node.mandatory || frame.stamps[k] === frame.generation) continue;
      if (atEnd && node.id === 'SE') continue; // a missing SE is an envelope error, reported there
      const what =
        node.kind === 'loop' ? `loop ${node.id} (starting with ${node.startId})` : `segment ${node.id}`;
      const where = frame.loopId ? ` in loop ${frame.loopId}` : '';
      // At the end of the set the missing part belongs after the last segment read, not before it.
      const before = !at
        ? ''
        : atEnd && at.id !== 'SE'
          ? ` (the set ends after ${at.id} at position ${position})`
          : ` before ${at.id} at position ${position}`;
      this.report(
        SegmentError.mandatorySegmentMissing,
        node.startId,
        position,
        frame.loopId,
        `mandatory ${what} is missing${where}${before}`,
        at,
      );
    }
    frame.at = Math.max(frame.at, upTo - 1);
  }

  private reportUnplaced(segment: Segment, position: number): void {
    const id = segment.id;
    let code: Diagnostic['code'];
    let why: string;
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id) || !(id in this.set.dictionary.segments)) {
      code = SegmentError.unrecognizedSegmentId;
      why =
        id === ''
          ? `a segment without an id (it starts with the element separator '${segment.delimiters.element}') is not X12: a segment terminator is misplaced or doubled`
          : `'${id}' is not an X12 segment id of version ${this.set.spec.version}`;
    } else if (!this.set.segmentIds.has(id)) {
      code = SegmentError.segmentNotInSet;
      why = `segment ${id} is not part of transaction set ${this.set.spec.id}`;
    } else if (this.seenEarlier(id)) {
      code = SegmentError.segmentOutOfSequence;
      why = `segment ${id} is out of sequence: it belongs before the segments already read`;
    } else {
      code = SegmentError.unexpectedSegment;
      why = `segment ${id} is not expected here (it belongs in another loop of the ${this.set.spec.id})`;
    }
    this.report(code, id, position, this.current().loopId, why, segment);
  }

  private seenEarlier(id: string): boolean {
    return this.stack.some((f) => f.nodes.some((n, k) => k <= f.at && n.startId === id));
  }

  private report(
    code: Diagnostic['code'],
    segmentId: string,
    position: number,
    loopId: string | undefined,
    message: string,
    at: Segment | undefined,
  ): void {
    this.diagnostics.push({
      level: 'segment',
      severity: 'error',
      code: code as (typeof SegmentError)[keyof typeof SegmentError],
      message,
      segmentId,
      segmentPosition: position,
      ...(loopId ? { loopId } : {}),
      ...(at
        ? { line: at.location.line, column: at.location.column, fileSegmentIndex: at.location.index }
        : {}),
    });
  }
}
