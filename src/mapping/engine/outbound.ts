import type { SegmentValues } from '../../x12/index.js';
import { writeValue } from './formats.js';
import { emitHierarchy } from './hierarchy-outbound.js';
import {
  isHierarchyRule,
  isPairsRule,
  isSegmentRule,
  type FieldRule,
  type PairsRule,
  type Rule,
  type SegmentRule,
} from './mapping-schema.js';
import { getPath, itemsAt } from './paths.js';
import type { CodeTables } from './tables.js';

type Bag = Record<string, unknown>;

export interface OutboundContext {
  tables: CodeTables;
  /** Width of a DT element (6 or 8) in the target version, for a segment id and element position. */
  dateLength(segmentId: string, position: number): 6 | 8;
}

/**
 * Writes `source` as segments by the rules, in rule order: a segment rule writes one segment (one
 * per item with `each`), a loop rule its body once per item, a hierarchy rule the HL tree. A
 * segment none of whose fields has a value is left out unless the rule says `always`; a loop whose
 * first segment is left out is left out whole.
 */
export function applyOutbound(
  rules: readonly Rule[],
  source: Bag,
  out: SegmentValues[],
  context: OutboundContext,
): void {
  for (const rule of rules) {
    if (isHierarchyRule(rule)) {
      emitHierarchy(rule, source, out, context);
      continue;
    }
    const base = rule.into === undefined || rule.into === '.' ? source : getPath(source, rule.into);
    if (base === null || typeof base !== 'object') continue;
    const items = rule.each ? itemsAt(base, rule.each) : [base as Bag];
    for (const item of items) {
      if (isSegmentRule(rule)) {
        const segment = writeSegment(rule, item, context);
        if (segment) out.push(segment);
        continue;
      }
      const inner: SegmentValues[] = [];
      applyOutbound(rule.body, item, inner, context);
      const first = rule.body[0];
      if (inner.length > 0 && first && isSegmentRule(first) && inner[0]?.[0] === first.segment)
        out.push(...inner);
    }
  }
}

/** One segment from one canonical object; `undefined` when the object holds nothing for it. */
export function writeSegment(
  rule: SegmentRule,
  item: Bag,
  context: OutboundContext,
): SegmentValues | undefined {
  const elements: (string | string[] | undefined)[] = [];
  let hasData = false;
  for (const field of rule.fields ?? []) {
    if (isPairsRule(field)) {
      hasData = writePairs(field, item, elements, context) || hasData;
      continue;
    }
    if (field.value !== undefined) {
      place(elements, field, field.value);
      continue;
    }
    const text = fieldText(rule.segment, field, item, context);
    if (text !== undefined && place(elements, field, text)) {
      hasData = true;
      // A value that only means this when other elements hold given codes brings those codes.
      for (const [position, codes] of Object.entries(field.when ?? {})) {
        const code = Array.isArray(codes) ? codes[0] : codes;
        if (code !== undefined) place(elements, { element: Number(position) }, code);
      }
    }
  }
  for (const field of rule.fields ?? []) {
    if (!isPairsRule(field) && field.default !== undefined) place(elements, field, field.default);
  }
  for (const [position, codes] of Object.entries(rule.where ?? {})) {
    const code = Array.isArray(codes) ? codes[0] : codes;
    if (code !== undefined) place(elements, { element: Number(position) }, code);
  }
  if (!hasData && !rule.always) return undefined;
  const values = Array.from(elements, (e) => e ?? '');
  return [rule.segment, ...values];
}

function fieldText(
  segmentId: string,
  field: FieldRule,
  item: Bag,
  context: OutboundContext,
): string | undefined {
  if (field.path === undefined) return undefined;
  if (field.format === 'date-range') {
    const start = writeValue(getPath(item, field.path), 'date');
    const end = field.endPath === undefined ? undefined : writeValue(getPath(item, field.endPath), 'date');
    return start === undefined ? undefined : `${start}-${end ?? start}`;
  }
  let value = getPath(item, field.path);
  if (field.table && typeof value === 'string') value = context.tables.toX12(field.table, value);
  const dateLength = field.format === 'date' ? context.dateLength(segmentId, field.element) : 8;
  return writeValue(value, field.format, dateLength);
}

/** Puts a value at an element (or component) that is still empty; says whether it did. */
function place(
  elements: (string | string[] | undefined)[],
  field: Pick<FieldRule, 'element' | 'component'>,
  text: string,
): boolean {
  const index = field.element - 1;
  while (elements.length < index) elements.push(undefined);
  if (field.component === undefined) {
    if (elements[index] !== undefined && elements[index] !== '') return false;
    elements[index] = text;
    return true;
  }
  const current = elements[index];
  const components = Array.isArray(current) ? current : current ? [current] : [];
  while (components.length < field.component - 1) components.push('');
  if (components[field.component - 1]) return false;
  components[field.component - 1] = text;
  elements[index] = components;
  return true;
}

/** Qualifier/value pairs from the list as sent, or else from the well-known ids by name. */
function writePairs(
  rule: PairsRule,
  item: Bag,
  elements: (string | string[] | undefined)[],
  context: OutboundContext,
): boolean {
  let pairs: (readonly [string, string])[] = itemsAt(item, rule.path).map(
    (p) => [text(p['qualifier']), text(p['value'])] as const,
  );
  // Named ids are written when the list does not carry them (or only lists the unnamed ones).
  if ((pairs.length === 0 || rule.unnamedOnly) && rule.named && rule.table) {
    const named = getPath(item, rule.named);
    if (named && typeof named === 'object') {
      const fromNames = Object.entries(named as Bag)
        .filter(([, value]) => typeof value === 'string' && value !== '')
        .map(
          ([name, value]) => [context.tables.toX12(rule.table as string, name) ?? '', String(value)] as const,
        )
        .filter(([q]) => q !== '');
      pairs = [...fromNames, ...pairs];
    }
  }
  const [first, last] = rule.pairs;
  let position = first;
  for (const [qualifier, value] of pairs) {
    if (position >= last || !qualifier || !value) continue;
    place(elements, { element: position }, qualifier);
    place(elements, { element: position + 1 }, value);
    position += 2;
  }
  return position > first;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
