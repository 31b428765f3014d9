import { loopsOf, segmentsOf, type LoopInstance, type Segment } from '../../x12/index.js';
import type { ElementReader } from './element-reader.js';
import { readValue } from './formats.js';
import { applyHierarchyInbound } from './hierarchy-inbound.js';
import {
  isHierarchyRule,
  isPairsRule,
  isSegmentRule,
  type FieldRule,
  type PairsRule,
  type Rule,
  type SegmentRule,
} from './mapping-schema.js';
import { objectAt, pushAt, setPath } from './paths.js';
import type { CodeTables } from './tables.js';

type Bag = Record<string, unknown>;

export interface InboundContext {
  elements: ElementReader;
  tables: CodeTables;
  /** 1-based place of the loop iteration being read in its list (for `otherwise: position`). */
  position?: number;
}

/**
 * Reads one loop iteration (the set itself at the top) into `target` by the rules: a segment rule
 * reads its segments directly inside the loop, a loop rule its iterations, a hierarchy rule the HL
 * tree. `each` makes one item per segment or iteration; otherwise the first one is read.
 */
export function applyInbound(
  rules: readonly Rule[],
  loop: LoopInstance,
  target: Bag,
  context: InboundContext,
): void {
  for (const rule of rules) {
    if (isHierarchyRule(rule)) {
      applyHierarchyInbound(rule, loop, target, context);
    } else if (isSegmentRule(rule)) {
      const matching = segmentsOf(loop, rule.segment).filter((s) => matches(s, rule, context));
      (rule.each ? matching : matching.slice(0, 1)).forEach((segment, index) => {
        const item = rule.each ? {} : objectAt(target, rule.into);
        readFields(rule.fields ?? [], segment, item, context, index + 1);
        if (rule.each && Object.keys(item).length > 0) pushAt(objectAt(target, rule.into), rule.each, item);
      });
    } else {
      const iterations = loopsOf(loop, rule.loop).filter((l) => {
        const first = l.items[0];
        return first !== undefined && !('loopId' in first) && wherePasses(first, rule.where, context);
      });
      iterations.forEach((iteration, index) => {
        const item = rule.each ? {} : objectAt(target, rule.into);
        applyInbound(rule.body, iteration, item, { ...context, position: index + 1 });
        if (rule.each && Object.keys(item).length > 0) pushAt(objectAt(target, rule.into), rule.each, item);
      });
    }
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

function readFields(
  fields: readonly (FieldRule | PairsRule)[],
  segment: Segment,
  target: Bag,
  context: InboundContext,
  itemPosition: number,
): void {
  for (const field of fields) {
    if (isPairsRule(field)) {
      readPairs(field, segment, target, context);
      continue;
    }
    if (field.path === undefined || field.value !== undefined) continue;
    if (field.when && !wherePasses(segment, field.when, context)) continue;
    if (field.format === 'date-range') {
      readDateRange(field, segment, target, context);
      continue;
    }
    let value = readValue(context.elements, segment, field.element, field.component, field.format);
    if (value === undefined && field.otherwise === 'position')
      value = String(context.position ?? itemPosition);
    if (value !== undefined && field.table) value = context.tables.toCanonical(field.table, String(value));
    if (value !== undefined) setPath(target, field.path, value);
  }
}

/** `CCYYMMDD-CCYYMMDD` (DTM RD8): the start into `path`, the end into `endPath`. */
function readDateRange(field: FieldRule, segment: Segment, target: Bag, context: InboundContext): void {
  const raw = valueOf(segment, field, context);
  if (raw === undefined || field.path === undefined) return;
  const [from = '', to = ''] = raw.split('-');
  const start = context.elements.dateFrom(from, segment, field.element);
  const end = context.elements.dateFrom(to, segment, field.element);
  if (start !== undefined) setPath(target, field.path, start);
  if (end !== undefined && field.endPath !== undefined) setPath(target, field.endPath, end);
}

/** Qualifier/value pairs: every pair in the list, the first of each well-known kind by name. */
function readPairs(rule: PairsRule, segment: Segment, target: Bag, context: InboundContext): void {
  const [first, last] = rule.pairs;
  for (let position = first; position < last; position += 2) {
    const qualifier = context.elements.text(segment, position);
    const value = context.elements.text(segment, position + 1);
    if (qualifier === undefined || value === undefined) continue;
    const name = rule.named && rule.table ? context.tables.toCanonical(rule.table, qualifier) : undefined;
    let wasNamed = false;
    if (rule.named && name !== undefined) {
      const named = objectAt(target, rule.named);
      if (named[name] === undefined) {
        named[name] = value;
        wasNamed = true;
      }
    }
    if (!(rule.unnamedOnly && wasNamed)) pushAt(target, rule.path, { qualifier, value });
  }
}
