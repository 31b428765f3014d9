import type { SegmentValues } from '../../x12/index.js';
import { writeValue } from './formats.js';
import { isPairsRule, type FieldRule, type PairsRule, type SegmentRule } from './mapping-schema.js';
import type { OutboundContext } from './contexts.js';
import { getPath, itemsAt } from './paths.js';
import { writePeriod } from './period.js';

type Bag = Record<string, unknown>;
type Elements = (string | string[] | undefined)[];

/** The values of one segment written from one canonical object, and whether any came from the object. */
export interface WrittenSegment {
  values: SegmentValues;
  hasData: boolean;
}

/** One segment from one canonical object; `undefined` when the object holds nothing for it. */
export function writeSegment(
  rule: SegmentRule,
  item: Bag,
  context: OutboundContext,
): SegmentValues | undefined {
  const written = segmentValues(rule, item, context);
  return written.hasData || rule.always ? written.values : undefined;
}

/**
 * The segment a rule writes from an object, whether or not the object held anything for it. A
 * period (`format: period`) is written first, and the values it holds are not written again by
 * the other fields (a D8 date goes in DTM06, not also in DTM02).
 *
 * @example
 * segmentValues(dtmRule, { qualifier: '002', date: '2024-03-15', periodFormat: 'D8' }, context);
 * // { values: ['DTM', '002', '', '', '', 'D8', '20240315'], hasData: true }
 */
export function segmentValues(rule: SegmentRule, item: Bag, context: OutboundContext): WrittenSegment {
  const elements: Elements = [];
  let hasData = false;
  const claimed = new Set<string>();
  for (const field of rule.fields ?? []) {
    if (isPairsRule(field) || field.format !== 'period' || field.formatQualifier === undefined) continue;
    const period = writePeriod(field, item);
    if (!period) continue;
    place(elements, { element: field.formatQualifier }, period.code);
    place(elements, field, period.text);
    period.claims.forEach((path) => claimed.add(path));
    hasData = true;
  }
  for (const field of rule.fields ?? []) {
    if (isPairsRule(field)) {
      hasData = writePairs(field, item, elements, context) || hasData;
      continue;
    }
    if (field.value !== undefined) {
      place(elements, field, field.value);
      continue;
    }
    if (field.format === 'period' || (field.path !== undefined && claimed.has(field.path))) continue;
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
  const values = Array.from(elements, (e) => e ?? '');
  return { values: [rule.segment, ...values], hasData };
}

function fieldText(
  segmentId: string,
  field: FieldRule,
  item: Bag,
  context: OutboundContext,
): string | undefined {
  if (field.path === undefined) return undefined;
  if (item === context.document && context.defaulted.has(field.path)) return undefined;
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
function place(elements: Elements, field: Pick<FieldRule, 'element' | 'component'>, text: string): boolean {
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
function writePairs(rule: PairsRule, item: Bag, elements: Elements, context: OutboundContext): boolean {
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
