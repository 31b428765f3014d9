import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  REFERENCE_KINDS,
  TransmissionReferenceSchema,
  type ReferenceKind,
} from '../entities/transmission-reference.js';
import type { Transmission } from '../entities/transmission.js';
import { referenceValue } from './reference-value.js';
import type { TransmissionFilter } from './transmission-store.js';

/** The filter fields that search the references, with the kind each one means. */
const REFERENCE_FIELDS = {
  po: 'po',
  invoice: 'invoice',
  shipment: 'shipment',
  isa13: 'isa13',
  gs06: 'gs06',
  st02: 'st02',
  marketplaceOrder: 'marketplace-order',
  documentType: 'document-type',
} as const satisfies Partial<Record<keyof TransmissionFilter, ReferenceKind>>;

/**
 * The conditions of a list filter on the references, each one a sub-query on the
 * `(kind, value)` index: a transmission must carry every number asked for.
 */
export function referenceConditions(
  em: EntityManager,
  filter: TransmissionFilter,
): FilterQuery<Transmission>[] {
  const conditions: FilterQuery<Transmission>[] = [];
  for (const [field, kind] of Object.entries(REFERENCE_FIELDS) as [
    keyof typeof REFERENCE_FIELDS,
    ReferenceKind,
  ][]) {
    const value = filter[field];
    if (value === undefined) continue;
    conditions.push({ id: { $in: carrying(em, [kind], [referenceValue(kind, value)]) } });
  }
  if (filter.text !== undefined) {
    // Written as is and as a control number: `905` finds ISA13 000000905 and PO 905 alike.
    const values = [...new Set([filter.text.trim(), referenceValue('isa13', filter.text)])];
    conditions.push({ id: { $in: carrying(em, REFERENCE_KINDS, values) } });
  }
  return conditions;
}

function carrying(em: EntityManager, kinds: readonly ReferenceKind[], values: readonly string[]): string[] {
  // Both drivers are SQL ones; the core's EntityManager type just does not say so.
  const sql = em as unknown as SqlEntityManager;
  const query = sql
    .createQueryBuilder(TransmissionReferenceSchema, 'r')
    .select('r.transmissionId')
    .where({ kind: { $in: [...kinds] }, value: { $in: [...values] } })
    .getKnexQuery();
  // The SQL drivers take a query builder wherever `$in` takes a list (a sub-query); the filter's
  // type only knows lists.
  return query as unknown as string[];
}
