import { describe, expect, it } from 'vitest';
import { discontinuedSku } from '../../../src/core/rules/discontinued-sku.js';
import { context, line, oldGadget, order } from './core-fixtures.js';

describe('discontinued-sku', () => {
  it('holds a line ordering a discontinued item and names its replacement', () => {
    const lines = [line({ lineNumber: '1' }), line({ lineNumber: '2', ids: { vendorPartNumber: 'VP-9' } })];
    const findings = discontinuedSku.check(order({ lines }), context());
    expect(findings).toEqual([
      {
        ruleId: 'discontinued-sku',
        severity: 'hold',
        lineNumber: '2',
        message: 'Line 2: item G-9 is discontinued; offer the buyer G-10 instead or cancel the line.',
        data: { itemId: 'G-9', replacementItemId: 'G-10' },
      },
    ]);
  });

  it('advises cancelling where there is no replacement', () => {
    const { replacementItemId: _, ...noReplacement } = oldGadget;
    const findings = discontinuedSku.check(
      order({ lines: [line({ ids: { vendorPartNumber: 'VP-9' } })] }),
      context({ catalog: { items: [noReplacement] } }),
    );
    expect(findings[0]?.data).toEqual({ itemId: 'G-9' });
    expect(findings[0]?.message).toContain('cancel the line or ask the buyer for another item');
  });

  it('is silent for active and unknown items', () => {
    const lines = [line({ lineNumber: '1' }), line({ lineNumber: '2', ids: { sku: 'NOPE' } })];
    expect(discontinuedSku.check(order({ lines }), context())).toEqual([]);
  });
});
