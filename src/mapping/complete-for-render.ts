import { shipNoticeStructure, withEmptyArrays } from '../canonical/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import { CodeTables } from './engine/tables.js';
import { partnerMapping } from './render-for-partner.js';

/** A canonical value and the X12 code beside it, converted by one of the mapping's code tables. */
interface CodePair {
  name: string;
  code: string;
  table: string;
}

/** Where each document type keeps a value next to its code, and the table that links them. */
const CODE_PAIRS: Partial<
  Record<
    string,
    { set: string; top: CodePair[]; lines?: { key: string; pairs: CodePair[]; nested?: string } }
  >
> = {
  purchase_order_ack: {
    set: '855',
    top: [{ name: 'ackType', code: 'ackTypeCode', table: 'ackType' }],
    lines: {
      key: 'lines',
      nested: 'statuses',
      pairs: [{ name: 'status', code: 'statusCode', table: 'lineStatus' }],
    },
  },
};

function complete(target: Record<string, unknown>, pairs: readonly CodePair[], tables: CodeTables): void {
  for (const pair of pairs) {
    if (!tables.has(pair.table)) continue;
    const name = target[pair.name];
    const code = target[pair.code];
    if (name === undefined && typeof code === 'string') {
      const derived = tables.toCanonical(pair.table, code);
      if (derived !== undefined) target[pair.name] = derived;
    } else if (code === undefined && typeof name === 'string') {
      const derived = tables.toX12(pair.table, name);
      if (derived !== undefined) target[pair.code] = derived;
    }
  }
}

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];

/**
 * A canonical document written by hand, completed for `render` before it is validated: lists left
 * out are empty, a ship notice's `structure` is that of its levels, and where the model keeps a value beside its X12 code (`ackType` and
 * `ackTypeCode`), either one is enough, the other derived through the partner's own code tables.
 * What cannot be derived is left for validation to name.
 *
 * @example
 * completeForRender({ type: 'purchase_order_ack', ackTypeCode: 'AD', ... }, partner, mappingsDir); // ackType: 'accepted_no_changes'
 */
export function completeForRender(value: unknown, partner: X12PartnerConfig, mappingsDir: string): unknown {
  const document = withEmptyArrays(value);
  if (typeof document !== 'object' || document === null) return document;
  const doc = document as Record<string, unknown>;
  if (doc['type'] === 'ship_notice' && doc['structure'] === undefined)
    doc['structure'] = shipNoticeStructure(doc);
  const spec = CODE_PAIRS[String(doc['type'])];
  if (spec === undefined || !partner.documents.outbound.includes(spec.set)) return doc;
  const tables = new CodeTables(partnerMapping(partner, spec.set, mappingsDir).tables);
  complete(doc, spec.top, tables);
  for (const line of records(spec.lines === undefined ? [] : doc[spec.lines.key])) {
    const targets = spec.lines?.nested === undefined ? [line] : records(line[spec.lines.nested]);
    for (const target of targets) complete(target, spec.lines?.pairs ?? [], tables);
  }
  return doc;
}
