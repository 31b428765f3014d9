import { describe, expect, it } from 'vitest';
import { unknownSku } from '../../../src/core/rules/unknown-sku.js';
import { context, line, order } from './core-fixtures.js';

describe('unknown-sku', () => {
  it('finds the item by any cross-referenced id', () => {
    const lines = [
      line({ lineNumber: '1', ids: { upc: '012345678905' } }),
      line({ lineNumber: '2', ids: { vendorPartNumber: 'vp-1' } }),
      line({ lineNumber: '3', ids: { buyerPartNumber: 'B-1' } }),
      line({ lineNumber: '4', ids: { sku: 'W-1' } }),
      // A GTIN-14 of the same UPC: one barcode scheme, padded to 14 digits.
      line({ lineNumber: '5', ids: { gtin: '00012345678905' } }),
      // An unknown id beside a known one still identifies the item.
      line({ lineNumber: '6', ids: { upc: '999999999999', sku: 'W-1' } }),
    ];
    expect(unknownSku.check(order({ lines }), context())).toEqual([]);
  });

  it('holds the line whose ids match no item, naming the ids tried', () => {
    const lines = [
      line({ lineNumber: '1' }),
      line({ lineNumber: '2', ids: { upc: '999999999999', buyerPartNumber: 'X' } }),
    ];
    const findings = unknownSku.check(order({ lines }), context());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'unknown-sku',
      severity: 'hold',
      lineNumber: '2',
      data: { triedIds: 'upc 999999999999, buyerPartNumber X' },
    });
    expect(findings[0]?.message).toMatch(/^Line 2: no catalog item matches/);
  });

  it('holds a line without any usable id', () => {
    const findings = unknownSku.check(order({ lines: [line({ ids: { asin: 'B000' } })] }), context());
    expect(findings[0]?.data).toEqual({ triedIds: 'none' });
  });

  it('holds a line whose ids point to two different items', () => {
    const lines = [line({ ids: { upc: '012345678905', vendorPartNumber: 'VP-9' } })];
    const findings = unknownSku.check(order({ lines }), context());
    expect(findings).toHaveLength(1);
    expect(findings[0]?.data).toEqual({ matchingItemIds: 'G-9, W-1' });
    expect(findings[0]?.message).toContain('different items');
  });

  it('checks nothing on a cancellation', () => {
    const lines = [line({ ids: { upc: '999999999999' } })];
    expect(unknownSku.check(order({ lines, purpose: 'cancellation' }), context())).toEqual([]);
  });
});
