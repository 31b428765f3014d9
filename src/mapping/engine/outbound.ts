import { GatewayError } from '../../errors/index.js';
import type { SegmentValues } from '../../x12/index.js';
import { emitHierarchy } from './hierarchy-outbound.js';
import {
  isHierarchyRule,
  isSegmentRule,
  type LoopRule,
  type Rule,
  type SegmentRule,
} from './mapping-schema.js';
import { getPath, itemsAt } from './paths.js';
import type { OutboundContext } from './contexts.js';
import type { CodeTables } from './tables.js';
import { segmentValues, writeSegment } from './write-segment.js';

export { writeSegment } from './write-segment.js';
export type { OutboundContext } from './contexts.js';

type Bag = Record<string, unknown>;

/**
 * A fresh outbound context for one document.
 *
 * @example
 * const context = outboundContext(document, new CodeTables(mapping.tables), () => 8);
 */
export function outboundContext(
  document: Bag,
  tables: CodeTables,
  dateLength: OutboundContext['dateLength'],
): OutboundContext {
  const source = document['source'];
  const defaulted = source !== null && typeof source === 'object' ? (source as Bag)['defaulted'] : undefined;
  return {
    tables,
    dateLength,
    document,
    defaulted: new Set(Array.isArray(defaulted) ? defaulted.filter((p) => typeof p === 'string') : []),
    linked: { written: new Set(), lists: new Map() },
  };
}

/**
 * Writes `source` as segments by the rules, in rule order: a segment rule writes one segment (one
 * per item with `each`), a loop rule its body once per item, a hierarchy rule the HL tree. A
 * segment none of whose fields has a value is left out unless the rule says `always`; a loop whose
 * first segment is left out is left out whole, and so is one that would hold nothing but an
 * `always` first segment without values of its own.
 */
export function applyOutbound(
  rules: readonly Rule[],
  source: Bag,
  out: SegmentValues[],
  context: OutboundContext,
): void {
  const start = out.length;
  for (const rule of rules) {
    if (isHierarchyRule(rule)) {
      emitHierarchy(rule, source, out, context, applyOutbound);
      continue;
    }
    if (rule.direction === 'inbound') continue;
    for (const item of itemsOf(rule, source, context)) {
      if (isSegmentRule(rule)) {
        if (rule.fallback && writtenBefore(rule, out, start)) continue;
        const segment = writeSegment(rule, item, context);
        if (segment) out.push(segment);
        continue;
      }
      const inner: SegmentValues[] = [];
      applyOutbound(rule.body, item, inner, context);
      const first = rule.body[0];
      if (!first || !isSegmentRule(first) || inner[0]?.[0] !== first.segment) continue;
      if (inner.length === 1 && first.always && !segmentValues(first, item, context).hasData) continue;
      out.push(...inner);
    }
  }
}

/** The objects a rule writes from: the object itself, or its `each` items (those `link` selects). */
function itemsOf(rule: SegmentRule | LoopRule, source: Bag, context: OutboundContext): Bag[] {
  const owner = rule.scope === 'document' ? context.document : source;
  const base = rule.into === undefined || rule.into === '.' ? owner : getPath(owner, rule.into);
  if (base === null || typeof base !== 'object') return [];
  if (!rule.each) return [base as Bag];
  const items = itemsAt(base, rule.each);
  const link = rule.link;
  if (!link) return items;
  const list = getPath(base, rule.each);
  if (Array.isArray(list)) context.linked.lists.set(list, { path: rule.each, link });
  const selected = items.filter(
    (item) =>
      !context.linked.written.has(item) &&
      Object.entries(link).every(
        ([itemPath, sourcePath]) => getPath(item, itemPath) === getPath(source, sourcePath),
      ),
  );
  selected.forEach((item) => context.linked.written.add(item));
  return selected;
}

/** Whether a segment of the rule's id and `where` codes was written for the current object. */
function writtenBefore(rule: SegmentRule, out: readonly SegmentValues[], start: number): boolean {
  return out.slice(start).some(
    ([id, ...elements]) =>
      id === rule.segment &&
      Object.entries(rule.where ?? {}).every(([position, codes]) => {
        const value = elements[Number(position) - 1];
        return typeof value === 'string' && (Array.isArray(codes) ? codes.includes(value) : codes === value);
      }),
  );
}

/**
 * Fails when an item of a list written through `link` was written nowhere: its link names no
 * object of the document (a remittance item whose `entityNumber` no entity has).
 *
 * @example
 * applyOutbound(mapping.body, document, out, context);
 * checkLinkedWritten(context); // throws for items[0] with entityNumber 7 when no entity is 7
 */
export function checkLinkedWritten(context: OutboundContext): void {
  for (const [list, { path, link }] of context.linked.lists) {
    list.forEach((item, index) => {
      if (context.linked.written.has(item as Bag)) return;
      const names = Object.entries(link)
        .map(
          ([itemPath, sourcePath]) =>
            `${itemPath} ${JSON.stringify(getPath(item, itemPath))} (matched against ${sourcePath})`,
        )
        .join(', ');
      throw new GatewayError(
        'render-invalid',
        `${path}[${index}] has ${names}, which no object it belongs under has: correct the value or add that object`,
        { permanent: true, status: 422 },
      );
    });
  }
}
