import { compareDecimals } from '../../canonical/index.js';

/** Where an invoice stands once at least one payment is applied to it. */
export type InvoicePaymentStatus = 'paid' | 'short_paid' | 'over_paid';

/**
 * Paid in full, short or over, comparing decimal strings exactly (`"100"` equals `"100.00"`).
 *
 * @example
 * invoicePaymentStatus('100.00', '90.00'); // 'short_paid'
 * invoicePaymentStatus('100.00', '100');   // 'paid'
 */
export function invoicePaymentStatus(amountDue: string, amountPaid: string): InvoicePaymentStatus {
  const order = compareDecimals(amountPaid, amountDue);
  return order === 0 ? 'paid' : order < 0 ? 'short_paid' : 'over_paid';
}
