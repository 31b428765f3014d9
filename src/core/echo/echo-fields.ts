import type {
  Party,
  ProductIdentifier,
  ProductIds,
  PurchaseOrder,
  Reference,
} from '../../canonical/index.js';

/**
 * What of the original purchase order a reply repeats, as a partner file names it: header
 * reference qualifiers (REF01), party codes (N101) and line product id qualifiers (PO106...).
 */
export interface OrderEcho {
  references?: readonly string[];
  parties?: readonly string[];
  lineIds?: readonly string[];
}

// X12 N101 codes of the canonical roles, for orders that carry only the role (marketplace orders).
const ROLE_CODES: Readonly<Record<string, string>> = {
  buyer: 'BY',
  seller: 'SE',
  ship_to: 'ST',
  bill_to: 'BT',
  ship_from: 'SF',
  remit_to: 'RE',
  supplier: 'SU',
  vendor: 'VN',
  payer: 'PR',
  payee: 'PE',
  carrier: 'CA',
  sold_to: 'SO',
  ordered_by: 'OB',
  mark_for: 'Z7',
  manufacturer: 'MF',
  shipper: 'SH',
  store: 'SN',
  warehouse: 'WH',
};

// Product id qualifiers of the well-known names, for lines that carry only the names.
const ID_QUALIFIERS: Readonly<Record<string, keyof ProductIds>> = {
  IN: 'buyerPartNumber',
  BP: 'buyerPartNumber',
  VN: 'vendorPartNumber',
  VP: 'vendorPartNumber',
  CB: 'buyerCatalogNumber',
  VC: 'vendorCatalogNumber',
  MG: 'manufacturerPartNumber',
  IT: 'buyerStyleNumber',
  VA: 'vendorStyleNumber',
  MN: 'modelNumber',
  UP: 'upc',
  UA: 'caseUpc',
  UK: 'gtin',
  EN: 'ean',
  IB: 'isbn',
  SK: 'sku',
  ND: 'ndc',
  N4: 'ndc',
  LT: 'lotNumber',
  SN: 'serialNumber',
};

/** The party's N101 code: as sent, or the usual code of its role. */
export const partyCode = (party: Party): string | undefined => party.roleCode ?? ROLE_CODES[party.role];

/**
 * The order's header references with the listed qualifiers that `existing` lacks (a reply that
 * already carries a qualifier keeps its own value), in the order's order.
 *
 * @example
 * echoedReferences(po, ['DP'], []); // [{ qualifier: 'DP', value: '042' }]
 */
export function echoedReferences(
  order: PurchaseOrder,
  qualifiers: readonly string[] | undefined,
  existing: readonly Reference[],
): Reference[] {
  if (!qualifiers?.length) return [];
  const present = new Set(existing.map((reference) => reference.qualifier));
  return order.references.filter((r) => qualifiers.includes(r.qualifier) && !present.has(r.qualifier));
}

/**
 * The order's parties with the listed N101 codes that `existing` lacks, in the order's order.
 *
 * @example
 * echoedParties(po, ['ST'], []); // [{ role: 'ship_to', roleCode: 'ST', name: 'STORE 0123', ... }]
 */
export function echoedParties(
  order: PurchaseOrder,
  codes: readonly string[] | undefined,
  existing: readonly Party[],
): Party[] {
  if (!codes?.length) return [];
  const present = new Set(existing.map(partyCode));
  return order.parties.filter((party) => {
    const code = partyCode(party);
    return code !== undefined && codes.includes(code) && !present.has(code);
  });
}

/**
 * The line's product ids with the listed qualifiers, in the listed order: as the buyer sent them,
 * or, for a line that carries only named ids, from the names.
 *
 * @example
 * lineIdentifiers({ productIds: [{ qualifier: 'VN', value: 'A1' }, { qualifier: 'IN', value: '77' }], ids: {} }, ['IN', 'VN']);
 * // [{ qualifier: 'IN', value: '77' }, { qualifier: 'VN', value: 'A1' }]
 */
export function lineIdentifiers(
  line: { productIds?: readonly ProductIdentifier[]; ids: ProductIds },
  qualifiers: readonly string[],
): ProductIdentifier[] {
  return qualifiers.flatMap((qualifier) => {
    const sent = line.productIds?.find((id) => id.qualifier === qualifier);
    if (sent !== undefined) return [sent];
    if (line.productIds?.length) return [];
    const name = ID_QUALIFIERS[qualifier];
    const value = name === undefined ? undefined : line.ids[name];
    return value === undefined ? [] : [{ qualifier, value }];
  });
}

/**
 * A reply line's product ids with the order line's listed ids added where the reply lacks that
 * qualifier. The reply's own ids come first; the named ids are kept.
 */
export function withEchoedLineIds<Line extends { productIds?: ProductIdentifier[]; ids: ProductIds }>(
  line: Line,
  orderLine: { productIds?: readonly ProductIdentifier[]; ids: ProductIds } | undefined,
  qualifiers: readonly string[] | undefined,
): Line {
  if (orderLine === undefined || !qualifiers?.length) return line;
  const own = line.productIds ?? namedPairs(line.ids);
  const present = new Set(own.map((id) => id.qualifier));
  const added = lineIdentifiers(orderLine, qualifiers).filter((id) => !present.has(id.qualifier));
  return added.length === 0 ? line : { ...line, productIds: [...own, ...added] };
}

/** Pairs for a line that has only named ids, so that adding one pair does not hide the names. */
function namedPairs(ids: ProductIds): ProductIdentifier[] {
  const pairs: ProductIdentifier[] = [];
  const written = new Set<string>();
  for (const [qualifier, name] of Object.entries(ID_QUALIFIERS)) {
    const value = ids[name];
    if (value === undefined || written.has(name)) continue;
    written.add(name);
    pairs.push({ qualifier, value });
  }
  return pairs;
}
