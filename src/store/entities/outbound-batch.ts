import { EntitySchema } from '@mikro-orm/core';

/**
 * The answers (855s) to the purchase orders of one inbound interchange, gathered to go out
 * together in one interchange. Opened when the interchange is read, with the number of orders it
 * carries; each order's job joins it once decided (with its answer, or none when the order is
 * held or answers nothing); it is sealed when the last order joined, or at its deadline, and its
 * members are then fixed.
 */
export interface OutboundBatch {
  /** Derived from the inbound transmission and ISA13, so a rerun finds it again. */
  id: string;
  partnerId: string;
  /** The set it sends, e.g. `855`. */
  setId: string;
  /** How many orders are to join before it is complete. */
  expected: number;
  joined: number;
  createdAt: Date;
  sealedAt: Date | null;
}

/** One order's share of a batch: the answer it contributes, if any. */
export interface OutboundBatchItem {
  batchId: string;
  /** The purchase order document that joined. */
  documentId: string;
  /** The document sent for it (an 855); null when it is held or answers nothing. */
  answerDocumentId: string | null;
  /** Order of joining: the order of the sets in the interchange. */
  position: number;
}

export const OutboundBatchSchema = new EntitySchema<OutboundBatch>({
  name: 'OutboundBatch',
  tableName: 'outbound_batch',
  properties: {
    id: { type: 'string', length: 160, primary: true },
    partnerId: { type: 'string', length: 64 },
    setId: { type: 'string', length: 3 },
    expected: { type: 'integer' },
    joined: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    sealedAt: { type: 'datetime', nullable: true },
  },
});

export const OutboundBatchItemSchema = new EntitySchema<OutboundBatchItem>({
  name: 'OutboundBatchItem',
  tableName: 'outbound_batch_item',
  properties: {
    batchId: { type: 'string', length: 160, primary: true },
    documentId: { type: 'string', length: 128, primary: true },
    answerDocumentId: {
      type: 'string',
      length: 128,
      nullable: true,
      index: 'outbound_batch_item_answer_index',
    },
    position: { type: 'integer' },
  },
});
