import type { TransactionSetMapper } from './transaction-set-mapper.js';
import { functionalAck997Mapper } from './sets/functional-ack-997.js';
import { functionalAck999Mapper } from './sets/functional-ack-999.js';
import { invoiceMapper } from './sets/invoice.js';
import { purchaseOrderMapper } from './sets/purchase-order.js';
import { purchaseOrderAckMapper } from './sets/purchase-order-ack.js';
import { remittanceMapper } from './sets/remittance.js';
import { shipNoticeMapper } from './sets/ship-notice.js';

/** The mappers we ship. A new transaction set is a new file in `sets/` and one line here. */
const MAPPERS: readonly TransactionSetMapper[] = [
  purchaseOrderMapper,
  purchaseOrderAckMapper,
  shipNoticeMapper,
  invoiceMapper,
  remittanceMapper,
  functionalAck997Mapper,
  functionalAck999Mapper,
];

const byTransactionSetId = new Map<string, TransactionSetMapper>(
  MAPPERS.flatMap((mapper) => mapper.transactionSetIds.map((id) => [id, mapper] as const)),
);

/** The mapper for an ST01, or `undefined` where we do not map that transaction set. */
export function mapperFor(transactionSetId: string): TransactionSetMapper | undefined {
  return byTransactionSetId.get(transactionSetId);
}

/** ST01 values that map to a canonical document. */
export function mappedTransactionSets(): string[] {
  return [...byTransactionSetId.keys()].sort();
}
