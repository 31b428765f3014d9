/**
 * Reconciliation in the pipeline: what we expect back for what we send (the partner's 997/999,
 * the payment of an invoice) and the handlers that match the answers when they arrive.
 */
export { handleFunctionalAck } from './functional-ack-handler.js';
export { handleRemittance } from './remittance-handler.js';
export { expectAcknowledgement, trackSentDocuments } from './track-sent-document.js';
export { flagOverdueAcknowledgements, type OverdueAckDeps } from './overdue-acks.js';
