import { describe, expect, it } from 'vitest';
import {
  CANONICAL_DOCUMENT_TYPES,
  formatCanonicalError,
  validateCanonical,
} from '../../../src/canonical/index.js';
import * as samples from './canonical-documents.js';

const messages = (doc: unknown) => {
  const result = validateCanonical(doc);
  return result.valid ? [] : result.errors.map(formatCanonicalError);
};

describe('validateCanonical', () => {
  it.each(Object.entries(samples))('accepts a minimal %s', (_name, doc) => {
    const result = validateCanonical(doc);
    expect(result.errors).toEqual([]);
    expect(result.valid && result.document.type).toBe(doc.type);
  });

  it('covers every document type', () => {
    expect(new Set(Object.values(samples).map((d) => d.type))).toEqual(new Set(CANONICAL_DOCUMENT_TYPES));
  });

  it('explains each problem with its path and reason', () => {
    const broken = {
      ...samples.purchaseOrder,
      orderDate: '2024-13-01',
      currency: 'usd',
      purpose: 'new',
      lines: [{ lineNumber: '1', quantity: '1,5', uom: 'EA', ids: {}, colour: 'red' }],
    };
    delete (broken as { poNumber?: string }).poNumber;
    expect(messages(broken).sort()).toEqual(
      [
        '/poNumber: is required',
        '/orderDate: must be a date as YYYY-MM-DD (got "2024-13-01")',
        '/currency: must be an ISO 4217 currency code such as "USD" (got "usd")',
        expect.stringMatching(/^\/purpose: must be one of original, cancellation, .*, other \(got "new"\)$/),
        '/lines/0/colour: is not a property of this object',
        '/lines/0/quantity: must be a decimal number as text, such as "12.50" (got "1,5")',
      ].sort(),
    );
  });

  it('refuses money as a JSON number: it would have been a binary float', () => {
    expect(messages({ ...samples.invoice, totals: { amount: 199.98 } })).toEqual([
      '/totals/amount: must be string (got 199.98)',
    ]);
  });

  it('refuses a purchase order without lines and an SSCC that is not 18 digits', () => {
    expect(messages({ ...samples.purchaseOrder, lines: [] })).toEqual([
      '/lines: must NOT have fewer than 1 items (got [])',
    ]);
    const pack = { sscc: '0354023220190916', items: [] };
    const notice = { ...samples.shipNotice, orders: [{ tares: [], items: [], packs: [pack] }] };
    expect(messages(notice)).toEqual([
      '/orders/0/packs/0/sscc: must be an SSCC-18 of 18 digits (got "0354023220190916")',
    ]);
  });

  it('names the document types when the type is unknown', () => {
    expect(messages({ type: 'order' })).toEqual([
      '/type: must be one of purchase_order, purchase_order_ack, ship_notice, invoice, remittance, functional_ack (got "order")',
    ]);
    expect(messages(null)[0]).toMatch(/^\/type: must be one of/);
  });
});
