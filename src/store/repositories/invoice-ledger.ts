import type { InvoiceLedgerStatus } from '../entities/invoice-ledger-record.js';
import type { PaymentAdjustment } from '../entities/payment-application-record.js';

/** An invoice as sent, before anything is paid on it. */
export interface NewLedgerInvoice {
  partnerId: string;
  invoiceNumber: string;
  invoiceDocumentId: string;
  currency: string | null;
  /** Decimal string. */
  amountDue: string;
  /** Defaults to now. */
  at?: Date;
}

export interface LedgerInvoice {
  partnerId: string;
  invoiceNumber: string;
  invoiceDocumentId: string;
  currency: string | null;
  amountDue: string;
  amountPaid: string;
  status: InvoiceLedgerStatus;
  lastPaymentReference: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What one remittance pays on one invoice. */
export interface NewPaymentApplication {
  remittanceDocumentId: string;
  partnerId: string;
  invoiceNumber: string;
  /** Decimal string. */
  amount: string;
  discount: string | null;
  adjustments: PaymentAdjustment[];
  paymentReference: string | null;
  /** Defaults to now. */
  at?: Date;
}

export interface StoredPaymentApplication extends Omit<NewPaymentApplication, 'at'> {
  appliedAt: Date;
}

export interface LedgerFilter {
  partnerId?: string;
  status?: InvoiceLedgerStatus;
  /** Default 100. */
  limit?: number;
}

/** The store's port for the invoices we sent and the payments applied to them. */
export interface InvoiceLedger {
  /**
   * Opens the ledger entry of an invoice we sent. An entry for the same partner and invoice
   * number (or the same document) that exists already is returned unchanged with `created: false`.
   *
   * @example
   * await invoices.open({ partnerId: 'acme', invoiceNumber: 'INV-1', invoiceDocumentId, currency: 'USD', amountDue: '100.00' });
   */
  open(invoice: NewLedgerInvoice): Promise<{ invoice: LedgerInvoice; created: boolean }>;
  get(partnerId: string, invoiceNumber: string): Promise<LedgerInvoice | null>;
  /** Newest first. */
  list(filter?: LedgerFilter): Promise<LedgerInvoice[]>;
  /**
   * Applies a payment in one transaction: records it, adds it to `amountPaid` with decimal
   * arithmetic and sets the status from what is paid against what is due. A payment of this
   * remittance on this invoice that is applied already is not applied again (`applied: false`).
   * Fails with `not-found` when the invoice is not in the ledger.
   *
   * @example
   * const { applied, invoice } = await invoices.applyPayment({ remittanceDocumentId, partnerId: 'acme', invoiceNumber: 'INV-1', amount: '90.00', ... });
   * invoice.status; // 'short_paid'
   */
  applyPayment(application: NewPaymentApplication): Promise<{ applied: boolean; invoice: LedgerInvoice }>;
  /** The payments applied to an invoice, oldest first. */
  applications(partnerId: string, invoiceNumber: string): Promise<StoredPaymentApplication[]>;
}
