import { describe, expect, it } from 'vitest';
import { documentId } from '../../../src/canonical/index.js';

describe('documentId', () => {
  const key = ['ZZ', 'ACME', 'ZZ', 'US', '000000001', '1', '0001'];

  it('is the same for the same source, and says what the document is', () => {
    expect(documentId('purchase_order', 'acme', key)).toBe(documentId('purchase_order', 'acme', [...key]));
    expect(documentId('purchase_order', 'acme', key)).toMatch(/^purchase_order:[0-9a-f]{32}$/);
  });

  it('differs when the partner, the type or any control number differs', () => {
    const id = documentId('purchase_order', 'acme', key);
    expect(documentId('purchase_order', 'globex', key)).not.toBe(id);
    expect(documentId('invoice', 'acme', key)).not.toBe(id);
    expect(documentId('purchase_order', 'acme', [...key.slice(0, 6), '0002'])).not.toBe(id);
  });

  it('cannot be fooled by values that run together', () => {
    expect(documentId('purchase_order', 'acme', ['AB', 'C'])).not.toBe(
      documentId('purchase_order', 'acme', ['A', 'BC']),
    );
  });
});
