import { amountDifference, sumAmounts } from './amounts.js';
import type { InvoicePaymentStatus } from './invoice-status.js';
import type { RemittedAdjustment } from './remitted-invoices.js';

/** An invoice after a payment was applied to it, and the payment that was. */
export interface AppliedPayment {
  partnerId: string;
  invoiceNumber: string;
  invoiceDocumentId: string;
  amountDue: string;
  /** Everything paid on the invoice so far, this payment included. */
  amountPaid: string;
  status: InvoicePaymentStatus;
  remittanceDocumentId: string;
  paymentReference: string | null;
  /** This remittance's discount and adjustments on the invoice. */
  discount: string | null;
  adjustments: readonly RemittedAdjustment[];
}

/** An exception to raise about an invoice's payment. */
export interface PaymentException {
  kind: 'short-payment' | 'over-payment';
  message: string;
  details: Record<string, unknown>;
}

/**
 * The exception a payment calls for, or undefined when the invoice is paid exactly. Money is
 * compared as paid: the payer's discount and adjustments explain a difference but do not settle
 * it, since a deduction is a claim someone has to accept. The message gives the amounts, the
 * difference, what the payer's adjustments account for and their reason codes.
 *
 * @example
 * paymentException({ ...applied, amountDue: '100.00', amountPaid: '90.00', status: 'short_paid', adjustments: [{ reasonCode: '59', amount: '-10.00' }] })?.message;
 * // 'invoice INV-2 (acme): paid 90.00 of 100.00, 10.00 short; adjustments 59 -10.00 account for 10.00 (remittance 4529952)'
 */
export function paymentException(applied: AppliedPayment): PaymentException | undefined {
  if (applied.status === 'paid') return undefined;
  const short = applied.status === 'short_paid';
  const difference = short
    ? amountDifference(applied.amountDue, applied.amountPaid)
    : amountDifference(applied.amountPaid, applied.amountDue);
  // A discount and negative adjustments lower the payment; what they add up to is what the payer
  // says the difference is made of.
  const accountedFor = sumAmounts(
    applied.discount ?? '0',
    ...applied.adjustments.map((a) => amountDifference('0', a.amount)),
  );
  const explained = [
    ...(applied.discount === null ? [] : [`discount ${applied.discount}`]),
    ...(applied.adjustments.length === 0
      ? []
      : [`adjustments ${applied.adjustments.map((a) => `${a.reasonCode} ${a.amount}`).join(', ')}`]),
  ];
  const because = explained.length === 0 ? '' : `; ${explained.join(', ')} account for ${accountedFor}`;
  const reference = applied.paymentReference ?? applied.remittanceDocumentId;
  return {
    kind: short ? 'short-payment' : 'over-payment',
    message: `invoice ${applied.invoiceNumber} (${applied.partnerId}): paid ${applied.amountPaid} of ${applied.amountDue}, ${difference} ${short ? 'short' : 'over'}${because} (remittance ${reference})`,
    details: {
      invoiceNumber: applied.invoiceNumber,
      invoiceDocumentId: applied.invoiceDocumentId,
      amountDue: applied.amountDue,
      amountPaid: applied.amountPaid,
      difference,
      discount: applied.discount,
      adjustments: applied.adjustments,
      adjustmentReasonCodes: [...new Set(applied.adjustments.map((a) => a.reasonCode))],
      accountedFor,
      remittanceDocumentId: applied.remittanceDocumentId,
      paymentReference: applied.paymentReference,
    },
  };
}
