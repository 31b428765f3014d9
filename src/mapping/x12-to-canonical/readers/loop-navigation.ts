import { isLoop, type LoopInstance, type Segment } from '../../../x12/index.js';

/**
 * Finding segments in a loop tree without depending on how a spec names its loops: a loop is
 * recognised by its first segment, and a segment that one version models as a loop and another
 * as a lone segment (PID, SAC, SCH...) is found either way.
 */

/** Iterations of the loop that starts with `segmentId` directly inside `loop`; a lone `segmentId` segment counts as one. */
export function iterations(loop: LoopInstance, segmentId: string): LoopInstance[] {
  const found: LoopInstance[] = [];
  for (const item of loop.items) {
    if (isLoop(item)) {
      if (loopStart(item)?.id === segmentId) found.push(item);
    } else if (item.id === segmentId) {
      found.push({ loopId: segmentId, items: [item] });
    }
  }
  return found;
}

/** The first segment of each iteration found by {@link iterations}. */
export function starts(loop: LoopInstance, segmentId: string): Segment[] {
  return iterations(loop, segmentId).flatMap((it) => loopStart(it) ?? []);
}

/** The first segment of a loop iteration. */
export function loopStart(loop: LoopInstance): Segment | undefined {
  const first = loop.items[0];
  return first && !isLoop(first) ? first : undefined;
}

/**
 * Segments `segmentId` directly in `loop` or directly in a child loop that starts with one of
 * `within`: a TXI that one spec puts beside SAC and another inside the SAC loop, an AMT inside the
 * summary CTT loop.
 */
export function segmentsWithin(loop: LoopInstance, segmentId: string, within: readonly string[]): Segment[] {
  const found: Segment[] = [];
  for (const item of loop.items) {
    if (!isLoop(item)) {
      if (item.id === segmentId) found.push(item);
      continue;
    }
    const start = loopStart(item)?.id;
    if (start === undefined || !within.includes(start)) continue;
    for (const inner of item.items) if (!isLoop(inner) && inner.id === segmentId) found.push(inner);
  }
  return found;
}

/** The list, or `undefined` when it is empty: optional collections are left out rather than sent empty. */
export function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined;
}
