import type { LoopInstance, Segment } from '../../x12/index.js';
import type { HierarchyRule, SegmentRule } from './mapping-schema.js';

type Bag = Record<string, unknown>;

/** A hierarchy read inbound: its rule, the object its root level went into, and each HL iteration's item. */
export interface HierarchyRead {
  rule: HierarchyRule;
  root: Bag;
  items: Map<LoopInstance, Bag>;
}

/**
 * Which segments of a set the mapping read into the document, so that the others can be kept as
 * extensions. A segment counts as read when a rule took a value from it, or when an `always` rule
 * matched it and the object it belongs to was kept (outbound writes it back with that object).
 *
 * @example
 * const reads = new ReadTracker();
 * reads.read(beg);
 * reads.wasRead(beg); // true
 */
export class ReadTracker {
  private readonly segments = new Set<Segment>();
  /** Segments that count as read only if the `each` item being read is kept, innermost last. */
  private readonly pending: Segment[][] = [];
  /** The first segment each non-`each` rule read into each object: a later one is left unread. */
  private readonly slots = new Map<SegmentRule, WeakMap<Bag, Segment>>();
  readonly hierarchies: HierarchyRead[] = [];

  /** The segment's values are in the document. */
  read(segment: Segment): void {
    this.segments.add(segment);
  }

  /** The segment is written back with the object being read, if that object is kept. */
  readIfKept(segment: Segment): void {
    const open = this.pending.at(-1);
    if (open) open.push(segment);
    else this.segments.add(segment);
  }

  /** Starts reading an `each` item; {@link closeItem} says whether it was kept. */
  openItem(): void {
    this.pending.push([]);
  }

  closeItem(kept: boolean): void {
    const closed = this.pending.pop() ?? [];
    if (kept) for (const segment of closed) this.readIfKept(segment);
  }

  /** Whether a non-`each` rule already read a segment into `target`. */
  slotTaken(rule: SegmentRule, target: Bag): boolean {
    return this.slots.get(rule)?.has(target) ?? false;
  }

  takeSlot(rule: SegmentRule, target: Bag, segment: Segment): void {
    let byTarget = this.slots.get(rule);
    if (!byTarget) this.slots.set(rule, (byTarget = new WeakMap()));
    byTarget.set(target, segment);
  }

  wasRead(segment: Segment): boolean {
    return this.segments.has(segment);
  }
}
