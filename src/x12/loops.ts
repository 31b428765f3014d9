import type { Segment } from './segment.js';

/**
 * One iteration of a loop as the structure validator found it: the segments and nested loop
 * iterations in file order. The root of a transaction set has `loopId` `ST`.
 * HL loops are siblings here, as in the standard; their parent/child tree comes from HL01/HL02.
 */
export interface LoopInstance {
  readonly loopId: string;
  readonly items: (Segment | LoopInstance)[];
}

export function isLoop(item: Segment | LoopInstance): item is LoopInstance {
  return 'loopId' in item;
}

/** Segments with `id` directly inside `loop` (not in nested loops). */
export function segmentsOf(loop: LoopInstance, id: string): Segment[] {
  return loop.items.filter((it): it is Segment => !isLoop(it) && it.id === id);
}

/** The first segment with `id` directly inside `loop`. */
export function firstSegment(loop: LoopInstance, id: string): Segment | undefined {
  return loop.items.find((it): it is Segment => !isLoop(it) && it.id === id);
}

/** Iterations of loop `loopId` directly inside `loop`. */
export function loopsOf(loop: LoopInstance, loopId: string): LoopInstance[] {
  return loop.items.filter((it): it is LoopInstance => isLoop(it) && it.loopId === loopId);
}

/** All segments in `loop`, nested loops included, in file order. */
export function allSegments(loop: LoopInstance): Segment[] {
  const out: Segment[] = [];
  for (const it of loop.items) {
    if (isLoop(it)) out.push(...allSegments(it));
    else out.push(it);
  }
  return out;
}
