import { loopsOf, segmentsOf, type LoopInstance, type Segment } from '../../x12/index.js';
import type { InboundContext } from './contexts.js';
import { readValue } from './formats.js';
import { applyHierarchyInbound } from './hierarchy-inbound.js';
import {
  isHierarchyRule,
  isPairsRule,
  isSegmentRule,
  type FieldRule,
  type LoopRule,
  type PairsRule,
  type Rule,
  type SegmentRule,
} from './mapping-schema.js';
import { getPath, objectAt, pushAt, setPath } from './paths.js';
import { readPeriod } from './period.js';

type Bag = Record<string, unknown>;

export type { InboundContext } from './contexts.js';

/**
 * Reads one loop iteration (the set itself at the top) into `target` by the rules: a segment rule
 * reads its segments directly inside the loop, a loop rule its iterations, a hierarchy rule the HL
 * tree. `each` makes one item per segment or iteration; otherwise the first one is read, and a
 * rule that already read a segment into an object (in an earlier iteration of a loop read without
 * `each`) reads no other into it.
 */
export function applyInbound(
  rules: readonly Rule[],
  loop: LoopInstance,
  target: Bag,
  context: InboundContext,
): void {
  for (const rule of rules) {
    if (isHierarchyRule(rule)) applyHierarchyInbound(rule, loop, target, context, applyInbound);
    else if (rule.direction === 'outbound') continue;
    else if (isSegmentRule(rule)) readSegmentRule(rule, loop, target, context);
    else readLoopRule(rule, loop, target, context);
  }
}

function readSegmentRule(rule: SegmentRule, loop: LoopInstance, target: Bag, context: InboundContext): void {
  const matching = segmentsOf(loop, rule.segment).filter((s) => matches(s, rule, context));
  if (rule.each) {
    const list = rule.each;
    const owner = () => objectAt(rule.scope === 'document' ? context.document : target, rule.into);
    matching.forEach((segment, index) => {
      const item: Bag = {};
      const values = readFields(rule.fields ?? [], segment, item, context, index + 1);
      if (values === 0 || (rule.requires ?? []).some((path) => getPath(item, path) === undefined)) return;
      linkItem(rule, item, target);
      pushAt(owner(), list, item);
      context.reads.read(segment);
    });
    return;
  }
  const segment = matching[0];
  if (!segment) return;
  const into = objectAt(target, rule.into);
  if (context.reads.slotTaken(rule, into)) return;
  const values = readFields(rule.fields ?? [], segment, into, context, context.position ?? 1);
  if (values > 0) context.reads.read(segment);
  else if (rule.always) context.reads.readIfKept(segment);
  else return;
  context.reads.takeSlot(rule, into, segment);
}

function readLoopRule(rule: LoopRule, loop: LoopInstance, target: Bag, context: InboundContext): void {
  const iterations = loopsOf(loop, rule.loop).filter((l) => {
    const first = l.items[0];
    return first !== undefined && !('loopId' in first) && wherePasses(first, rule.where, context);
  });
  iterations.forEach((iteration, index) => {
    const inner = { ...context, position: index + 1 };
    if (!rule.each) {
      applyInbound(rule.body, iteration, objectAt(target, rule.into), inner);
      return;
    }
    const item: Bag = {};
    context.reads.openItem();
    applyInbound(rule.body, iteration, item, inner);
    const kept = Object.keys(item).length > 0;
    context.reads.closeItem(kept);
    if (!kept) return;
    linkItem(rule, item, target);
    pushAt(objectAt(rule.scope === 'document' ? context.document : target, rule.into), rule.each, item);
  });
}

/** `link: { entityNumber: assignedNumber }`: the item gets the value of the object it was read in. */
function linkItem(rule: SegmentRule | LoopRule, item: Bag, current: Bag): void {
  for (const [itemPath, currentPath] of Object.entries(rule.link ?? {})) {
    const value = getPath(current, currentPath);
    if (value !== undefined) setPath(item, itemPath, value);
  }
}

/** Whether a segment is the one a rule is about: its `where` codes and constant fields match. */
function matches(segment: Segment, rule: SegmentRule, context: InboundContext): boolean {
  if (!wherePasses(segment, rule.where, context)) return false;
  return (rule.fields ?? []).every(
    (f) => isPairsRule(f) || f.value === undefined || valueOf(segment, f, context) === f.value,
  );
}

function wherePasses(
  segment: Segment,
  where: Record<string, string | string[]> | undefined,
  context: InboundContext,
): boolean {
  if (!where) return true;
  return Object.entries(where).every(([position, codes]) => {
    const actual = context.elements.text(segment, Number(position)) ?? '';
    return Array.isArray(codes) ? codes.includes(actual) : codes === actual;
  });
}

function valueOf(segment: Segment, field: FieldRule, context: InboundContext): string | undefined {
  return field.component === undefined
    ? context.elements.text(segment, field.element)
    : context.elements.component(segment, field.element, field.component);
}

/** Reads the fields of one segment into `target`; returns how many values it read. */
function readFields(
  fields: readonly (FieldRule | PairsRule)[],
  segment: Segment,
  target: Bag,
  context: InboundContext,
  itemPosition: number,
): number {
  let values = 0;
  for (const field of fields) {
    if (isPairsRule(field)) {
      values += readPairs(field, segment, target, context);
      continue;
    }
    if (field.path === undefined || field.value !== undefined) continue;
    if (field.when && !wherePasses(segment, field.when, context)) continue;
    if (field.format === 'date-range') {
      values += readDateRange(field, segment, target, context);
      continue;
    }
    if (field.format === 'period') {
      values += readPeriod(field, segment, target, context.elements);
      continue;
    }
    let value = readValue(context.elements, segment, field.element, field.component, field.format);
    if (value === undefined && field.otherwise === 'position')
      value = String(context.position ?? itemPosition);
    if (value !== undefined && field.table) value = context.tables.toCanonical(field.table, String(value));
    if (value === undefined) continue;
    setPath(target, field.path, value);
    values++;
  }
  return values;
}

/** `CCYYMMDD-CCYYMMDD` (DTM RD8): the start into `path`, the end into `endPath`. */
function readDateRange(field: FieldRule, segment: Segment, target: Bag, context: InboundContext): number {
  const raw = valueOf(segment, field, context);
  if (raw === undefined || field.path === undefined) return 0;
  const [from = '', to = ''] = raw.split('-');
  const start = context.elements.dateFrom(from, segment, field.element);
  const end = context.elements.dateFrom(to, segment, field.element);
  if (start !== undefined) setPath(target, field.path, start);
  if (end !== undefined && field.endPath !== undefined) setPath(target, field.endPath, end);
  return (start === undefined ? 0 : 1) + (end === undefined ? 0 : 1);
}

/**
 * Qualifier/value pairs: every pair in the list, the first of each well-known kind by name (its
 * value converted by the format `formats` gives its qualifier, if any).
 */
function readPairs(rule: PairsRule, segment: Segment, target: Bag, context: InboundContext): number {
  const [first, last] = rule.pairs;
  let values = 0;
  for (let position = first; position < last; position += 2) {
    const qualifier = context.elements.text(segment, position);
    const value = context.elements.text(segment, position + 1);
    if (qualifier === undefined || value === undefined) continue;
    const name = rule.named && rule.table ? context.tables.toCanonical(rule.table, qualifier) : undefined;
    let wasNamed = false;
    if (rule.named && name !== undefined) {
      const format = rule.formats?.[qualifier];
      const namedValue =
        format === undefined ? value : readValue(context.elements, segment, position + 1, undefined, format);
      const named = objectAt(target, rule.named);
      if (named[name] === undefined && namedValue !== undefined) {
        named[name] = namedValue;
        wasNamed = true;
      }
    }
    if (!(rule.unnamedOnly && wasNamed)) pushAt(target, rule.path, { qualifier, value });
    values++;
  }
  return values;
}
