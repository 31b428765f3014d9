/**
 * Reconciliation decisions: what a partner's 997/999 says about a group we sent, and what a
 * remittance pays on the invoices we sent. Pure; the pipeline reads and writes the store.
 */
export { judgeAcknowledgement, type AckVerdict, type SentSet, type SetVerdict } from './ack-verdict.js';
export { amountDifference, sumAmounts } from './amounts.js';
export { comparableControlNumber } from './control-number.js';
export { invoicePaymentStatus, type InvoicePaymentStatus } from './invoice-status.js';
export { paymentException, type AppliedPayment, type PaymentException } from './payment-verdict.js';
export {
  remittedInvoices,
  type RemittedAdjustment,
  type RemittedInvoice,
  type RemittedInvoices,
  type UnreadableItem,
} from './remitted-invoices.js';
