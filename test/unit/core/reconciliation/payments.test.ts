import { describe, expect, it } from 'vitest';
import type { Remittance } from '../../../../src/canonical/index.js';
import {
  invoicePaymentStatus,
  paymentException,
  remittedInvoices,
  sumAmounts,
  type AppliedPayment,
} from '../../../../src/core/index.js';

describe('remitted invoices', () => {
  it('adds up the RMR loops of one invoice and keeps apart what names no invoice', () => {
    const items: Remittance['items'] = [
      {
        referenceQualifier: 'IV',
        referenceId: 'INV-1',
        invoiceNumber: 'INV-1',
        amountPaid: '45.10',
        discountAmount: '1.00',
      },
      {
        referenceQualifier: 'IV',
        referenceId: 'INV-1',
        invoiceNumber: 'INV-1',
        amountPaid: '44.9',
        adjustmentReasonCode: 'CS',
        adjustmentAmount: '-2.00',
        adjustments: [{ amount: '-8.00', reasonCode: '59' }],
      },
      { referenceQualifier: 'PO', referenceId: '4500012345', amountPaid: '12.00' },
      { referenceQualifier: 'IV', referenceId: 'INV-2' },
    ];
    expect(remittedInvoices({ items })).toEqual({
      invoices: [
        {
          invoiceNumber: 'INV-1',
          amountPaid: '90.00',
          discount: '1.00',
          adjustments: [
            { reasonCode: 'CS', amount: '-2.00' },
            { reasonCode: '59', amount: '-8.00' },
          ],
        },
      ],
      unreadable: [
        { reference: 'PO 4500012345', reason: 'RMR01 PO does not name an invoice' },
        { reference: 'IV INV-2', reason: 'no amount paid (RMR04)' },
      ],
    });
  });
});

describe('invoice payment status', () => {
  it('compares decimals exactly, never as floats', () => {
    expect(invoicePaymentStatus('0.3', sumAmounts('0.1', '0.2'))).toBe('paid');
    expect(invoicePaymentStatus('100.00', '100')).toBe('paid');
    expect(invoicePaymentStatus('100.00', '99.99')).toBe('short_paid');
    expect(invoicePaymentStatus('100.00', '100.01')).toBe('over_paid');
  });
});

describe('payment exceptions', () => {
  const applied: AppliedPayment = {
    partnerId: 'acme',
    invoiceNumber: 'INV-2',
    invoiceDocumentId: 'invoice:2',
    amountDue: '100.00',
    amountPaid: '90.00',
    status: 'short_paid',
    remittanceDocumentId: 'remittance:1',
    paymentReference: '4529952',
    discount: null,
    adjustments: [{ reasonCode: '59', amount: '-10.00' }],
  };

  it('names paid, due, the difference and the payer’s reason codes for a short payment', () => {
    const exception = paymentException(applied);
    expect(exception?.kind).toBe('short-payment');
    expect(exception?.message).toBe(
      'invoice INV-2 (acme): paid 90.00 of 100.00, 10.00 short; adjustments 59 -10.00 account for 10.00 (remittance 4529952)',
    );
    expect(exception?.details).toMatchObject({
      difference: '10.00',
      adjustmentReasonCodes: ['59'],
      accountedFor: '10.00',
    });
  });

  it('raises an over-payment, and nothing for an exact one', () => {
    const over = paymentException({ ...applied, amountPaid: '100.50', status: 'over_paid', adjustments: [] });
    expect(over?.kind).toBe('over-payment');
    expect(over?.message).toBe('invoice INV-2 (acme): paid 100.50 of 100.00, 0.50 over (remittance 4529952)');
    expect(paymentException({ ...applied, amountPaid: '100.00', status: 'paid' })).toBeUndefined();
  });
});
