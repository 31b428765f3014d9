import type { CanonicalDocumentType } from '../canonical/index.js';
import type { DocumentHandler } from './document-handler.js';
import { handlePurchaseOrder } from './orders/purchase-order-handler.js';
import { handleFunctionalAck, handleRemittance } from './reconciliation/index.js';

/** The handler of each document type; a type without one is stored and left as it is. */
export const documentHandlers: Partial<Record<CanonicalDocumentType, DocumentHandler>> = {
  purchase_order: handlePurchaseOrder,
  functional_ack: handleFunctionalAck,
  remittance: handleRemittance,
};
