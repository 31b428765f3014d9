import { EntitySchema } from '@mikro-orm/core';
import { TransactionSetRecordSchema, type TransactionSetRecord } from './transaction-set-record.js';

/** A canonical document as the core works on it, kept as JSON with a link to where it came from. */
export interface CanonicalDocumentRecord {
  /** The canonical document's own `id`. */
  id: string;
  /** `purchase_order`, `invoice`... */
  type: string;
  partnerId: string;
  document: Record<string, unknown>;
  /** The set it was mapped from; none for marketplace orders and ERP events. */
  transactionSet: TransactionSetRecord | null;
  createdAt: Date;
}

export const CanonicalDocumentRecordSchema = new EntitySchema<CanonicalDocumentRecord>({
  name: 'CanonicalDocumentRecord',
  tableName: 'canonical_document',
  properties: {
    id: { type: 'string', length: 128, primary: true },
    type: { type: 'string', length: 32 },
    partnerId: { type: 'string', length: 64, index: 'canonical_document_partner_id_index' },
    document: { type: 'json' },
    transactionSet: {
      kind: 'm:1',
      entity: () => TransactionSetRecordSchema,
      nullable: true,
      deleteRule: 'set null',
      index: true,
    },
    createdAt: { type: 'datetime' },
  },
});
