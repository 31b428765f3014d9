import type { Static, TSchema } from '@sinclair/typebox';
import { FunctionalAck } from './functional-ack.js';
import { Invoice } from './invoice.js';
import { PurchaseOrder } from './purchase-order.js';
import { PurchaseOrderAck } from './purchase-order-ack.js';
import { Remittance } from './remittance.js';
import { ShipNotice } from './ship-notice.js';

/** The schema of each canonical document type, keyed by the document's `type`. */
export const canonicalSchemas = {
  purchase_order: PurchaseOrder,
  purchase_order_ack: PurchaseOrderAck,
  ship_notice: ShipNotice,
  invoice: Invoice,
  remittance: Remittance,
  functional_ack: FunctionalAck,
} as const satisfies Record<string, TSchema>;

export type CanonicalDocumentType = keyof typeof canonicalSchemas;
export const CANONICAL_DOCUMENT_TYPES = Object.keys(canonicalSchemas) as CanonicalDocumentType[];

/** Any canonical document; narrow on `type`. */
export type CanonicalDocument = {
  [K in CanonicalDocumentType]: Static<(typeof canonicalSchemas)[K]>;
}[CanonicalDocumentType];

/** The document of one type. */
export type CanonicalDocumentOf<K extends CanonicalDocumentType> = Extract<CanonicalDocument, { type: K }>;

/**
 * A document under construction: every property optional, at every depth. Mappers build drafts
 * and {@link validateCanonical} decides whether a draft is a complete document, so that a value
 * the mapper could not read is reported by the schema instead of being papered over.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> }
    : T;
