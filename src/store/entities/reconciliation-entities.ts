import { ExpectedAckRecordSchema } from './expected-ack-record.js';
import { InvoiceLedgerRecordSchema } from './invoice-ledger-record.js';
import { PaymentApplicationRecordSchema } from './payment-application-record.js';

export * from './expected-ack-record.js';
export * from './invoice-ledger-record.js';
export * from './payment-application-record.js';

/** The entities of reconciliation: acknowledgements we wait for, invoices and their payments. */
export const reconciliationEntities = [
  ExpectedAckRecordSchema,
  InvoiceLedgerRecordSchema,
  PaymentApplicationRecordSchema,
];
