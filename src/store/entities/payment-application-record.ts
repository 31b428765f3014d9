import { EntitySchema } from '@mikro-orm/core';

/** An adjustment the payer made to what they paid on an invoice (ADX, or RMR07/RMR08). */
export interface PaymentAdjustment {
  reasonCode: string;
  /** Decimal string; negative lowers the payment, as in ADX01. */
  amount: string;
}

/**
 * What one remittance paid on one invoice. Keyed by the remittance document and the invoice
 * number, so applying the same remittance again finds it applied.
 */
export interface PaymentApplicationRecord {
  remittanceDocumentId: string;
  invoiceNumber: string;
  partnerId: string;
  /** Decimal string: the money paid on the invoice (RMR04). */
  amount: string;
  /** Decimal string: the terms discount the payer took (RMR06), where they say. */
  discount: string | null;
  adjustments: PaymentAdjustment[];
  /** TRN02, the check or trace number. */
  paymentReference: string | null;
  appliedAt: Date;
}

export const PaymentApplicationRecordSchema = new EntitySchema<PaymentApplicationRecord>({
  name: 'PaymentApplicationRecord',
  tableName: 'payment_application',
  properties: {
    remittanceDocumentId: { type: 'string', length: 128, primary: true },
    invoiceNumber: { type: 'string', length: 64, primary: true },
    partnerId: { type: 'string', length: 64 },
    amount: { type: 'decimal' },
    discount: { type: 'decimal', nullable: true },
    adjustments: { type: 'json' },
    paymentReference: { type: 'string', length: 128, nullable: true },
    appliedAt: { type: 'datetime' },
  },
  indexes: [{ name: 'payment_application_invoice_index', properties: ['partnerId', 'invoiceNumber'] }],
});
