import { EntitySchema } from '@mikro-orm/core';

/** `paid`: paid in full. `short_paid`/`over_paid`: payments add up to less / more than is due. */
export const INVOICE_LEDGER_STATUSES = ['open', 'paid', 'short_paid', 'over_paid'] as const;
export type InvoiceLedgerStatus = (typeof INVOICE_LEDGER_STATUSES)[number];

/** An invoice we sent a partner, with what has been paid on it so far. */
export interface InvoiceLedgerRecord {
  partnerId: string;
  invoiceNumber: string;
  /** The canonical `invoice` document that was sent. */
  invoiceDocumentId: string;
  currency: string | null;
  /** Decimal string: the invoice's total (TDS01). */
  amountDue: string;
  /** Decimal string: the sum of the payments applied. */
  amountPaid: string;
  status: InvoiceLedgerStatus;
  /** The trace or check number (TRN02) of the last payment applied, else its remittance id. */
  lastPaymentReference: string | null;
  /** Incremented by every payment, so that two remittances applied at once both count. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const InvoiceLedgerRecordSchema = new EntitySchema<InvoiceLedgerRecord>({
  name: 'InvoiceLedgerRecord',
  tableName: 'invoice_ledger',
  properties: {
    partnerId: { type: 'string', length: 64, primary: true },
    invoiceNumber: { type: 'string', length: 64, primary: true },
    invoiceDocumentId: { type: 'string', length: 128, unique: 'invoice_ledger_document_unique' },
    currency: { type: 'string', length: 3, nullable: true },
    amountDue: { type: 'decimal' },
    amountPaid: { type: 'decimal' },
    status: { enum: true, items: () => [...INVOICE_LEDGER_STATUSES], index: 'invoice_ledger_status_index' },
    lastPaymentReference: { type: 'string', length: 128, nullable: true },
    revision: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
